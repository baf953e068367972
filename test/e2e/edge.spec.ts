import { startGateway, type Harness } from './gateway.harness';

const post = (h: Harness, body: unknown, headers: Record<string, string> = {}) =>
  fetch(h.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('the GraphQL edge', () => {
  describe('with small operation limits', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startGateway({ GRAPHQL_MAX_ALIASES: '2', GRAPHQL_MAX_COST: '40', GRAPHQL_MAX_TOKENS: '60' });
    });
    afterAll(() => h.close());

    it('refuses more aliases than GRAPHQL_MAX_ALIASES, saying the limit', async () => {
      const answer = await h.gql('{ a: cohorts { totalCount } b: cohorts { totalCount } c: cohorts { totalCount } }');
      expect(answer.data).toBeUndefined();
      expect(answer.errors).toEqual([
        expect.objectContaining({
          message: expect.stringContaining('Aliases limit of 2 exceeded, found 3'),
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      ]);
      expect((await h.gql('{ a: cohorts { totalCount } b: cohorts { totalCount } }')).errors).toBeUndefined();
    });

    it('applies the same limits to a subscription over graphql-ws', async () => {
      const client = h.wsClient();
      const error = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: 'subscription { cohortUpdated(cohortId: "x") { a: status b: status c: status } }' },
          { next: () => undefined, error: resolve, complete: () => resolve(null) },
        );
      });
      expect(error).toEqual([
        expect.objectContaining({ message: expect.stringContaining('Aliases limit of 2 exceeded, found 3') }),
      ]);
    });

    it('refuses an operation costlier than GRAPHQL_MAX_COST before running it', async () => {
      const answer = await h.gql(
        '{ cohorts { edges { node { cohortId title status capacity startsOn endsOn applicationWindow { opensAt closesAt } } } pageInfo { hasNextPage endCursor } } }',
      );
      expect(answer.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/Query Cost limit of 40 exceeded, found \d+/),
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      ]);
    });

    it('costs fields spread from a fragment as the same fields written out', async () => {
      // 17.75 either way; graphql-armor's own limit counted the spread deeper (43.44, refused).
      const inline = await h.gql('{ cohorts { totalCount edges { node { cohortId title } } } }');
      const spread = await h.gql(
        '{ cohorts { ...Page } } fragment Page on CohortConnection { totalCount edges { node { cohortId title } } }',
      );
      expect(inline.errors).toBeUndefined();
      expect(spread).toEqual(inline);
    });

    it('refuses a document of more tokens than GRAPHQL_MAX_TOKENS while parsing it', async () => {
      const answer = await h.gql(`{ ${'__typename '.repeat(80)}}`);
      expect(answer.errors).toEqual([
        expect.objectContaining({
          // graphql-js's own wording ("more that").
          message: expect.stringMatching(/Document contains more th\w+ 60 tokens/),
          extensions: expect.objectContaining({ code: 'GRAPHQL_PARSE_FAILED' }),
        }),
      ]);
    });

    it('refuses a batch of operations in one request', async () => {
      const response = await post(h, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_REQUEST' }) })],
      });
    });

    it('answers with security headers and no CORS grant when no origin is configured', async () => {
      const response = await post(h, { query: '{ __typename }' }, { origin: 'https://elsewhere.example' });
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });

    it("gives GraphiQL's page a CSP that lets only this server's files and its own inline script run", async () => {
      const page = await fetch(h.gateway.url, { headers: { accept: 'text/html' } });
      const policy = page.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'self'");
      expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
      expect(policy).not.toContain('unsafe-eval');
    });
  });

  it('lets the origins of SOOC_CORS_ORIGINS call from a browser, and no other', async () => {
    const h = await startGateway({ SOOC_CORS_ORIGINS: 'https://admin.example.org, http://localhost:5173' });
    try {
      const preflight = (origin: string) =>
        fetch(h.gateway.url, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        });
      const allowed = await preflight('https://admin.example.org');
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://admin.example.org');
      expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
      expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
      const answer = await post(h, { query: '{ __typename }' }, { origin: 'http://localhost:5173' });
      expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    } finally {
      await h.close();
    }
  });

  it('hides the schema in production: no introspection, no field suggestions, no GraphiQL', async () => {
    const h = await startGateway({ NODE_ENV: 'production', SOOC_AUTH: 'local' });
    try {
      const introspection = await h.gql('{ __schema { types { name } } }');
      expect(introspection.data ?? null).toBeNull();
      expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
      const typo = await h.gql('{ cohortz { totalCount } }');
      expect(typo.errors?.[0]?.message).toContain('Cannot query field "cohortz"');
      expect(typo.errors?.[0]?.message).not.toContain('cohorts');
      const page = await fetch(h.gateway.url, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toContain('GraphiQL');
    } finally {
      await h.close();
    }
  });

  it('limits each token subject, and each anonymous IP, to its own budget a minute: 429 RATE_LIMITED with Retry-After', async () => {
    const h = await startGateway({ SOOC_RATE_LIMIT_PER_MINUTE: '4', SOOC_RATE_LIMIT_ANONYMOUS_PER_MINUTE: '2' });
    try {
      const ask = async (authorization: Record<string, string>) => {
        const response = await fetch(h.gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...authorization },
          body: JSON.stringify({ query: '{ cohorts { totalCount } }' }),
        });
        return {
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          nosniff: response.headers.get('x-content-type-options'),
          body: await response.json(),
        };
      };
      const ada = await h.authorization({ role: 'learner', subject: 'ada', learnerId: 'ada' });
      const bob = await h.authorization({ role: 'learner', subject: 'bob', learnerId: 'bob' });
      const statuses = async (authorization: Record<string, string>, n: number) => {
        const seen: number[] = [];
        for (let i = 0; i < n; i++) seen.push((await ask(authorization)).status);
        return seen;
      };
      expect(await statuses(ada, 4)).toEqual([200, 200, 200, 200]);
      const limited = await ask(ada);
      expect(limited.status).toBe(429);
      expect(Number(limited.retryAfter)).toBeGreaterThan(0);
      expect(limited.nosniff).toBe('nosniff');
      expect(limited.body).toEqual({
        errors: [
          {
            message: expect.stringContaining('Too many requests: 4 a minute'),
            extensions: { code: 'RATE_LIMITED', category: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) },
          },
        ],
      });
      // Another subject has its own budget; so do anonymous callers, by address, with theirs.
      expect(await statuses(bob, 1)).toEqual([200]);
      expect(await statuses({}, 3)).toEqual([200, 200, 429]);
      // Probes are never limited.
      const health = await fetch(h.gateway.url.replace('/graphql', '/health/live'));
      expect(health.status).toBe(200);
    } finally {
      await h.close();
    }
  });
});
