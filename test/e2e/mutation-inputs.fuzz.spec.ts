import type { Persona } from '@sooc/auth/testing';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { eventually } from '@sooc/util/testing';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { defineRubric, openCohort, apply } from './selection.fixture';
import { startGateway, type Harness } from './gateway.harness';

/**
 * Fuzzing every mutation's input, as an admin (who may run them all): whatever comes in, the
 * answer is bad input or a domain refusal — never a 5xx, an internal error or a crashed gateway —
 * and a refused command writes nothing. Inputs are drawn from the schema's input types (a new
 * mutation is fuzzed without editing this file), mixing plausible values, ids that exist, and
 * hostile ones.
 */
const RUNS_PER_MUTATION = 1_000;
/** Test names need the mutations before the gateway runs: the committed schema's (a spec checks it is the served one). */
const MUTATIONS = Object.keys(
  buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8'))
    .getMutationType()!
    .getFields(),
);
/** A domain refusal (`COHORT.NOT_FOUND`, `SELECTION.NO_RUBRIC`, …) or bad input; nothing else may come back. */
const ALLOWED_CODE =
  /^(BAD_USER_INPUT|(COHORT|COURSE|ENROLLMENT|SELECTION|COMPLIANCE|LEARNER|PARTNER|WEBHOOK_ENDPOINT)\.[A-Z_]+)$/;

const hostileStrings = fc.constantFrom(
  '',
  ' ',
  '\t\n',
  'a b',
  '../../etc/passwd',
  "'; DROP TABLE events; --",
  '☃ 日本 🎉',
  '\u0000\u0007\u001b[31m',
  'x'.repeat(10_000),
  '__proto__',
  'constructor',
  'ref_AAAA',
  'Cohort:x',
);

interface Pools {
  readonly cohorts: readonly string[];
  readonly learners: readonly string[];
  /** Partners and webhook endpoints that exist. */
  readonly partners: readonly string[];
}

/** Any JSON value of the wrong kind, for a field that wants another. */
const wrongKind = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constant({}),
  fc.constant([]),
  hostileStrings,
);

/** Plausible values only: the right kind, ids that exist, small numbers, valid dates. */
function plausibleScalar(name: string, pools: Pools): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID':
      return fc.constantFrom(...pools.cohorts, ...pools.learners, ...pools.partners);
    case 'String':
      return fc.string({ minLength: 3, maxLength: 40 });
    case 'Int':
      return fc.integer({ min: 0, max: 40 });
    case 'Float':
      return fc.double({ min: 0, max: 1, noNaN: true });
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2031-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'Date':
      return fc
        .date({ min: new Date('2030-01-01'), max: new Date('2031-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'Position':
      return fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String);
    default:
      return fc.string();
  }
}

function scalar(name: string, pools: Pools): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID':
      return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...pools.cohorts, ...pools.learners, ...pools.partners) },
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9-]{1,12}$/) },
        { weight: 1, arbitrary: hostileStrings },
        { weight: 1, arbitrary: wrongKind },
      );
    case 'String':
      return fc.oneof(
        { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 60 }) },
        { weight: 2, arbitrary: hostileStrings },
        { weight: 1, arbitrary: wrongKind },
      );
    case 'Int':
      return fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: -2, max: 120 }) },
        { weight: 1, arbitrary: fc.constantFrom(0, -1, 2 ** 31, -(2 ** 31) - 1, 1e15, 1.5) },
        { weight: 1, arbitrary: wrongKind },
      );
    case 'Float':
      return fc.oneof(
        { weight: 4, arbitrary: fc.double({ min: -2, max: 2, noNaN: true }) },
        { weight: 1, arbitrary: fc.constantFrom(0, 1, 1e308, -1e308, Number.MIN_VALUE) },
        { weight: 1, arbitrary: wrongKind },
      );
    case 'Boolean':
      return fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: wrongKind });
    case 'DateTime':
      return fc.oneof(
        {
          weight: 4,
          arbitrary: fc
            .date({ min: new Date('2019-01-01'), max: new Date('2032-01-01'), noInvalidDate: true })
            .map((d) => d.toISOString()),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '2030-13-45T25:61:00Z',
            'yesterday',
            '2030-02-01',
            '0000-00-00T00:00:00Z',
            '+275760-09-13T00:00:00.001Z',
          ),
        },
        { weight: 1, arbitrary: wrongKind },
      );
    case 'Date':
      return fc.oneof(
        {
          weight: 4,
          arbitrary: fc
            .date({ min: new Date('2019-01-01'), max: new Date('2032-01-01'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
        },
        { weight: 1, arbitrary: fc.constantFrom('2030-02-30', '2030-2-1', '10000-01-01', '2030-02-10T00:00:00Z') },
        { weight: 1, arbitrary: wrongKind },
      );
    case 'Position':
      return fc.oneof(
        { weight: 4, arbitrary: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String) },
        { weight: 1, arbitrary: fc.constantFrom('-1', '1.5', '1e3', (2n ** 64n).toString(), '007') },
        { weight: 1, arbitrary: wrongKind },
      );
    default:
      return fc.oneof(fc.string(), wrongKind);
  }
}

/** Values for one input type: mostly its own kind (recursively for objects and lists), sometimes anything. */
function valueOf(type: GraphQLInputType, pools: Pools, depth: number, hostile: boolean): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueOf(type.ofType, pools, depth, hostile);
  if (isListType(type) && !hostile) return fc.array(valueOf(type.ofType, pools, depth + 1, hostile), { maxLength: 3 });
  if (isListType(type))
    return fc.oneof(
      {
        weight: 5,
        arbitrary: fc.array(valueOf(type.ofType, pools, depth + 1, hostile), { maxLength: depth > 2 ? 1 : 4 }),
      },
      { weight: 1, arbitrary: wrongKind },
    );
  const named = getNamedType(type);
  if (isEnumType(named) && !hostile) return fc.constantFrom(...named.getValues().map((v) => v.name));
  if (isEnumType(named))
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...named.getValues().map((v) => v.name)) },
      { weight: 1, arbitrary: fc.constantFrom('NOPE', 'admit', '') },
    );
  if (isScalarType(named)) return hostile ? scalar(named.name, pools) : plausibleScalar(named.name, pools);
  if (isInputObjectType(named)) {
    if (depth > 4) return fc.constant({});
    const fields = Object.values(named.getFields());
    const entries = fields.map((field) => {
      // A required field is always there when plausible, sometimes left out when hostile; an optional one half the time.
      const keep = isNonNullType(field.type) ? (hostile ? 0.95 : 1) : 0.5;
      return fc
        .tuple(fc.double({ min: 0, max: 1, noNaN: true }), valueOf(field.type, pools, depth + 1, hostile))
        .map(([roll, value]) => (roll < keep ? ([field.name, value] as const) : null));
    });
    const object = fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter((p) => p !== null)));
    if (!hostile) return object;
    return fc.oneof({ weight: 12, arbitrary: object }, { weight: 1, arbitrary: wrongKind });
  }
  return wrongKind;
}

interface Answer {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/** Admins may run every mutation but one: erasing a learner is the compliance officer's alone. */
const CALLER: Readonly<Record<string, Persona>> = { eraseLearner: { role: 'compliance', subject: 'fuzz-officer' } };
const ADMIN_CALLER: Persona = { role: 'admin' };

describe('fuzzing every mutation input (admin token; compliance for eraseLearner)', () => {
  let h: Harness;
  let schema: GraphQLSchema;
  let pools: Pools;

  beforeAll(async () => {
    // Endpoints on loopback: the embedded delivery worker's attempts must never leave this host.
    h = await startGateway({ SOOC_WEBHOOK_ALLOW_PRIVATE: 'true' });
    const introspection = await h.gql<IntrospectionQuery>(getIntrospectionQuery());
    schema = buildClientSchema(introspection.data!);
    // Real ids for the fuzzer to hit often: review and first-come cohorts, a rubric, applications.
    const review = await openCohort(h, 'REVIEW');
    const firstCome = await openCohort(h, 'FIRST_COME');
    await defineRubric(h, review, { reviewsRequired: 1 });
    const learners = [await apply(h, review, 'acme'), await apply(h, review), await apply(h, firstCome, 'initech')];
    const partners = ['p-fuzz', 'ep-fuzz'];
    await h.gql('mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { position } }', {
      input: { partnerId: 'p-fuzz', companyId: 'acme', name: 'ACME', contact: 'hr@acme.example' },
    });
    // Nobody listens there: delivery attempts fail at once.
    await h.gql('mutation($input: AddWebhookEndpointInput!) { addWebhookEndpoint(input: $input) { position } }', {
      input: { partnerId: 'p-fuzz', endpointId: 'ep-fuzz', url: 'http://127.0.0.1:9/hooks' },
    });
    pools = { cohorts: [review, firstCome, 'facilitation-101-spring'], learners, partners };
  }, 60_000);
  afterAll(() => h.close());

  it('fuzzes the mutations the running gateway serves, and the committed schema names the same ones', () => {
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(MUTATIONS.slice().sort());
  });

  it.each(MUTATIONS)(
    `%s: ${RUNS_PER_MUTATION} inputs, each bad input or a domain refusal, nothing written when refused`,
    async (name) => {
      const field = schema.getMutationType()!.getFields()[name]!;
      const inputType = field.args.find((a) => a.name === 'input')!.type;
      const document = `mutation($input: ${String(inputType)}) { ${name}(input: $input) { position } }`;
      const problems: string[] = [];
      /** Inputs GraphQL accepted (HTTP 200: past the variables' coercion, into our validation, the domain, a write): the fuzzer must reach our code, not only GraphQL's. */
      let reachedOurCode = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(valueOf(inputType, pools, 0, false), valueOf(inputType, pools, 0, true)),
          async (input) => {
            const correlationId = `fuzz-${randomUUID()}`;
            const head = await h.gateway.infrastructure.eventStore.headPosition();
            const response = await fetch(h.gateway.url, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'x-correlation-id': correlationId,
                ...(await h.authorization(CALLER[name] ?? ADMIN_CALLER)),
              },
              body: JSON.stringify({ query: document, variables: { input } }),
            });
            const answer = (await response.json()) as Answer;
            const codes = (answer.errors ?? []).map((e) => String(e.extensions?.['code']));
            const unexpected = codes.filter((code) => !ALLOWED_CODE.test(code));
            if (response.status === 200) reachedOurCode++;
            if (response.status >= 500 || unexpected.length > 0)
              problems.push(
                `${response.status} ${JSON.stringify(answer.errors)} for ${JSON.stringify(input).slice(0, 300)}`,
              );
            if (answer.errors && !answer.data?.[name]) {
              const written = await h.gateway.infrastructure.eventStore.readAll({ from: head ?? 'start' });
              const mine = written.filter((e) => e.metadata.correlationId === correlationId);
              if (mine.length > 0)
                problems.push(
                  `refused but wrote ${mine.map((e) => e.type).join(', ')} for ${JSON.stringify(input).slice(0, 300)}`,
                );
            }
            return problems.length === 0;
          },
        ),
        { numRuns: RUNS_PER_MUTATION, endOnFailure: true },
      );
      expect(problems).toEqual([]);
      expect(reachedOurCode).toBeGreaterThanOrEqual(RUNS_PER_MUTATION / 5);
    },
    300_000,
  );

  it('leaves the gateway alive and ready after all of it', async () => {
    // Ready, or back by itself within 30 s: a lease renewal or a subscription that a loaded
    // machine delayed may put the workers on standby for a moment (one CI run on EventStoreDB
    // answered 503 here; this one asked once and kept no report). A failed projection or a lost
    // worker does not come back, and this then fails showing the last report.
    const health = async () => {
      const answer = await fetch(h.gateway.url.replace('/graphql', '/health/ready'));
      return { status: answer.status, report: (await answer.json()) as unknown };
    };
    const first = await health();
    // Printed, not failed: the next time it happens the CI log says which part was not ready.
    if (first.status !== 200) console.warn(`not ready at once after the fuzz: ${JSON.stringify(first.report)}`);
    const last = first.status === 200 ? first : await eventually(health, (r) => r.status === 200, 30_000);
    expect(last.status).toBe(200);
  }, 45_000);
});
