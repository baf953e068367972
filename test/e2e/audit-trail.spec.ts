import { until } from '@sooc/util/testing';
import { openCohort } from './enrollment.fixture';
import { startGateway, type Harness } from './gateway.harness';

const TRAIL = `query($filter: AuditTrailFilterInput, $first: Int, $after: String, $at: Position) {
  auditTrail(filter: $filter, first: $first, after: $after, consistentWith: $at) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { position occurredAt type stream actor { id role } correlationId causationId cohortId learnerId enrollmentId summary reason data } }
  }
}`;
const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { position } }`;
const DECLINE = `mutation($input: DeclineOfferInput!) { declineOffer(input: $input) { position } }`;
const COMPLIANCE = { role: 'compliance', subject: 'auditor-1' } as const;

interface Entry {
  readonly type: string;
  readonly actor: { id: string; role: string };
  readonly correlationId: string;
  readonly learnerId: string | null;
  readonly cohortId: string | null;
  readonly summary: string;
  readonly reason: string | null;
  readonly data: Record<string, unknown>;
}
interface Trail {
  readonly auditTrail: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: Entry }[];
  };
}

describe('the audit trail: who did what, when and why', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startGateway();
  });
  afterAll(() => h.close());

  const trail = async (filter: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const answer = await h.gql<Trail>(TRAIL, { filter, ...extra }, COMPLIANCE);
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    return answer.data!.auditTrail;
  };
  /** The reactor acts a few milliseconds after the mutation: wait until the trail shows what it did. */
  const showing = (filter: Record<string, unknown>, type: string) =>
    until(
      `${type} in the trail for ${JSON.stringify(filter)}`,
      async () => {
        const found = await trail(filter);
        return found.edges.some((e) => e.node.type === type) ? found : null;
      },
      { timeoutMs: 5_000, intervalMs: 50 },
    );

  it("follows one request's correlation id through everything it caused, with each event's actor", async () => {
    const cohortId = await openCohort(h, { selectionPolicy: 'FIRST_COME' });
    const learner = { role: 'learner', subject: 'grace', learnerId: 'grace' } as const;
    const dossier = {
      motivation: 'Peers.',
      level: 'BEGINNER',
      companyId: 'acme',
      answers: [],
      prerequisitesMet: ['TypeScript'],
    };
    const submitted = await h.gql(SUBMIT, { input: { cohortId, learnerId: 'grace', dossier } }, learner, {
      'x-correlation-id': 'grace-applies',
    });
    expect(submitted.errors).toBeUndefined();

    const chain = await showing({ correlationId: 'grace-applies' }, 'SeatOffered');
    const types = chain.edges.map((e) => e.node.type);
    expect(types[0]).toBe('ApplicationSubmitted');
    expect(types).toEqual(expect.arrayContaining(['ApplicationSubmitted', 'SeatReserved', 'SeatOffered']));
    const submittedEntry = chain.edges[0]!.node;
    expect(submittedEntry).toMatchObject({
      actor: { id: 'grace', role: 'learner' },
      learnerId: 'grace',
      cohortId,
      summary: expect.stringContaining('Application submitted: learner grace'),
      data: expect.objectContaining({ dossier: expect.objectContaining({ motivation: 'Peers.' }) }),
    });
    const offered = chain.edges.find((e) => e.node.type === 'SeatOffered')!.node;
    expect(offered.actor.role).toBe('system');
    expect(chain.edges.every((e) => e.node.correlationId === 'grace-applies')).toBe(true);

    const history = await h.gql<{ learnerHistory: { enrollmentId: string; cohortId: string; timeline: Entry[] }[] }>(
      `query($l: ID!) { learnerHistory(learnerId: $l) { enrollmentId cohortId timeline { type actor { id role } summary } } }`,
      { l: 'grace' },
      COMPLIANCE,
    );
    expect(history.data!.learnerHistory).toEqual([
      {
        enrollmentId: `${cohortId}-grace`,
        cohortId,
        timeline: expect.arrayContaining([
          expect.objectContaining({ type: 'ApplicationSubmitted', actor: { id: 'grace', role: 'learner' } }),
          expect.objectContaining({ type: 'SeatOffered' }),
        ]),
      },
    ]);
  });

  it('gives the reason an event carries, and narrows by learner, cohort, type and time', async () => {
    const cohortId = await openCohort(h, { selectionPolicy: 'FIRST_COME' });
    const dossier = {
      motivation: 'Peers.',
      level: 'BEGINNER',
      companyId: null,
      answers: [],
      prerequisitesMet: ['TypeScript'],
    };
    await h.gql(SUBMIT, { input: { cohortId, learnerId: 'hopper', dossier } });
    await showing({ learnerId: 'hopper', cohortId }, 'SeatOffered');
    const declined = await h.gql(DECLINE, {
      input: { cohortId, learnerId: 'hopper', reason: 'A new job starts then' },
    });
    expect(declined.errors).toBeUndefined();

    const mine = await trail({ learnerId: 'hopper', types: ['OfferDeclined'] });
    expect(mine.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        type: 'OfferDeclined',
        reason: 'A new job starts then',
        actor: { id: 'admin-1', role: 'admin' },
      }),
    ]);
    expect((await trail({ cohortId, types: ['CohortPlanned'] })).totalCount).toBe(1);
    expect((await trail({ learnerId: 'hopper', from: '2999-01-01T00:00:00Z' })).totalCount).toBe(0);
    expect((await trail({ learnerId: 'hopper', to: '2000-01-01T00:00:00Z' })).totalCount).toBe(0);
  });

  it('pages in the order things happened, and refuses a cursor it did not give', async () => {
    const all = await trail({}, { first: 200 });
    const first = await trail({}, { first: 3 });
    const next = await trail({}, { first: 3, after: first.pageInfo.endCursor });
    expect([...first.edges, ...next.edges].map((e) => e.cursor)).toEqual(all.edges.slice(0, 6).map((e) => e.cursor));
    const positions = all.edges.map((e) => BigInt((e.node as unknown as { position: string }).position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const bad = await h.gql(TRAIL, { filter: {}, after: 'bm90LWEtY3Vyc29y' }, COMPLIANCE);
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('PAGINATION.CURSOR_INVALID');
  });
});
