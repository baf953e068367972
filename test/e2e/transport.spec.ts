import { draftCourse, planCohort } from './cohorts.fixture';
import { startGateway, type Harness } from './gateway.harness';

interface RawAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** A request the harness's `gql` cannot send: any body, any content type. */
async function post(h: Harness, body: string | Uint8Array, contentType: string | null): Promise<RawAnswer> {
  const response = await fetch(h.gateway.url, {
    method: 'POST',
    headers: contentType ? { 'content-type': contentType } : {},
    body,
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as unknown };
}

/** What the gateway writes to stderr while `action` runs: Nest's ConsoleLogger writes ERROR lines there. */
async function stderrDuring<T>(action: () => Promise<T>): Promise<{ result: T; written: string }> {
  const chunks: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    chunks.push(String(chunk));
    return write(chunk, ...rest);
  }) as typeof process.stderr.write;
  try {
    return { result: await action(), written: chunks.join('') };
  } finally {
    process.stderr.write = write;
  }
}

const badRequest = (message: RegExp | string) => ({
  errors: [
    {
      message: typeof message === 'string' ? message : expect.stringMatching(message),
      // Apollo's own code for a request it cannot run; no category, as Apollo answers it.
      extensions: { code: 'BAD_REQUEST' },
    },
  ],
});

describe('a subscription sent over HTTP', () => {
  let h: Harness;
  let cohortId: string;
  beforeAll(async () => {
    h = await startGateway();
    cohortId = await planCohort(h, await draftCourse(h));
  });
  afterAll(() => h.close());

  it.each([
    ['cohortUpdated', `subscription { cohortUpdated(cohortId: "COHORT") { status } }`],
    ['cohortDashboardUpdated', `subscription { cohortDashboardUpdated(cohortId: "COHORT") { cohortId } }`],
  ])('%s is refused as a client error naming graphql-ws, and nothing is logged', async (_name, query) => {
    const { result, written } = await stderrDuring(() =>
      post(h, JSON.stringify({ query: query.replace('COHORT', cohortId) }), 'application/json'),
    );
    expect(result).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: expect.stringMatching(/graphql-ws.*ws:\/\/.*\/graphql.*graphql-transport-ws/),
            extensions: { code: 'SUBSCRIPTION.TRANSPORT', category: 'BAD_REQUEST' },
          },
        ],
      },
    });
    expect(written).not.toMatch(/ERROR/);
  });
});

describe('a request body the gateway cannot read', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startGateway();
  });
  afterAll(() => h.close());

  it('answers malformed JSON with a GraphQL error, 400 BAD_REQUEST', async () => {
    expect(await post(h, '{"query": "{ cohorts { totalCount } }"', 'application/json')).toEqual({
      status: 400,
      body: badRequest(/JSON/),
    });
  });

  it('answers an empty JSON body with a GraphQL error, 400 BAD_REQUEST', async () => {
    expect(await post(h, '', 'application/json')).toEqual({ status: 400, body: badRequest(/empty/i) });
  });

  it('answers a body of a type it does not read with a GraphQL error, 415 BAD_REQUEST', async () => {
    expect(await post(h, '<query/>', 'application/xml')).toEqual({
      status: 415,
      body: badRequest(/application\/json/),
    });
  });

  it('answers a body over the limit with a GraphQL error, 413 BAD_REQUEST', async () => {
    const query = `{ cohorts { totalCount } } # ${'x'.repeat(2 * 1024 * 1024)}`;
    expect(await post(h, JSON.stringify({ query }), 'application/json')).toEqual({
      status: 413,
      body: badRequest(/too large/i),
    });
  });

  it.each([
    ['text/plain', '{"query":"{ cohorts { totalCount } }"}', 'text/plain'],
    ['no content type', '{"query":"{ cohorts { totalCount } }"}', null],
    ['a JSON null', 'null', 'application/json'],
    ['a JSON array of strings', '["{ cohorts { totalCount } }"]', 'application/json'],
    ['an object without a query', '{}', 'application/json'],
  ])('answers %s with a GraphQL error, 4xx BAD_REQUEST', async (_name, body, type) => {
    const answer = await post(h, body, type);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body).toEqual(badRequest(/./));
  });

  it('still answers a well-formed request', async () => {
    expect(await post(h, JSON.stringify({ query: '{ cohorts { totalCount } }' }), 'application/json')).toEqual({
      status: 200,
      body: { data: { cohorts: { totalCount: 0 } } },
    });
  });
});
