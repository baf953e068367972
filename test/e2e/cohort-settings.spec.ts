import { eventually } from '@sooc/util/testing';
import { CLOSE, COHORT_FIELDS, OPEN, draftCourse, planCohort } from './cohorts.fixture';
import { settled } from './admission.support';
import { startGateway, type Harness } from './gateway.harness';
import { apply, openCohort } from './selection.fixture';

const PAYLOAD = `position warnings cohort { ${COHORT_FIELDS} }`;
const SET_QUOTA = `mutation Quota($cohortId: ID!, $companyId: ID!, $seats: Int!) { setCompanyQuota(input: { cohortId: $cohortId, companyId: $companyId, seats: $seats }) { ${PAYLOAD} } }`;
const CHANGE_CAPACITY = `mutation Capacity($cohortId: ID!, $capacity: Int!) { changeCapacity(input: { cohortId: $cohortId, capacity: $capacity }) { ${PAYLOAD} } }`;
const CONFIGURE = `mutation Configure($input: ConfigureCohortInput!) { configureCohort(input: $input) { ${PAYLOAD} } }`;
const START = `mutation Start($cohortId: ID!) { startCohort(input: { cohortId: $cohortId }) { ${PAYLOAD} } }`;
const COMPLETE = `mutation Complete($cohortId: ID!) { completeCohort(input: { cohortId: $cohortId }) { ${PAYLOAD} } }`;
const CANCEL = `mutation Cancel($cohortId: ID!, $reason: String!) { cancelCohort(input: { cohortId: $cohortId, reason: $reason }) { ${PAYLOAD} } }`;

interface Payload {
  position: string | null;
  warnings: string[];
  cohort: { cohortId: string; status: string; capacity: number; position: string };
}
type Result = Record<string, Payload>;

interface Case {
  readonly name: string;
  readonly query: string;
  readonly variables: () => Record<string, unknown>;
  readonly code: string;
  readonly category?: string;
  readonly fields?: readonly string[];
}

describe('cohort settings and lifecycle over HTTP (SQLite stores)', () => {
  let h: Harness;
  let courseId: string;
  const admin = { role: 'admin', subject: 'admin-3' } as const;
  const correlation = { 'x-correlation-id': 'e2e-settings' };

  beforeAll(async () => {
    h = await startGateway();
    courseId = await draftCourse(h);
  });
  afterAll(() => h.close());

  /** The mutation's payload; fails the test with the errors when there are any. */
  async function write(query: string, variables: Record<string, unknown>): Promise<Payload> {
    const result = await h.gql<Result>(query, variables, admin, correlation);
    expect(result.errors).toBeUndefined();
    return Object.values(result.data!)[0];
  }

  it('sets a quota, changes the capacity and configures the cohort, each payload showing the write', async () => {
    const cohortId = await planCohort(h, courseId);
    const before = (await h.events()).length;

    const quota = await write(SET_QUOTA, { cohortId, companyId: 'acme', seats: 10 });
    expect(quota).toMatchObject({ warnings: [], cohort: { cohortId, status: 'PLANNED', capacity: 30 } });
    expect(quota.position).not.toBeNull();

    const bigger = await write(CHANGE_CAPACITY, { cohortId, capacity: 120 });
    expect(bigger.cohort.capacity).toBe(120);
    expect(bigger.cohort.position).toBe(bigger.position);
    expect(bigger.warnings).toEqual([expect.stringContaining('above the recommended maximum')]);
    const smaller = await write(CHANGE_CAPACITY, { cohortId, capacity: 24 });
    expect(smaller).toMatchObject({ warnings: [], cohort: { capacity: 24 } });

    const configured = await write(CONFIGURE, {
      input: {
        cohortId,
        offerTtlHours: 48,
        facilitators: ['fac-1', 'fac-2'],
        waitlistOrder: 'ARRIVAL',
        completionThreshold: 0.8,
      },
    });
    expect(configured.position).not.toBeNull();

    const events = (await h.events()).slice(before);
    expect(events.map((e) => e.type)).toEqual([
      'CompanyQuotaSet',
      'CapacityChanged',
      'CapacityChanged',
      'CohortConfigured',
    ]);
    expect(events[0].data).toMatchObject({ companyId: 'acme', seats: 10, previous: 0 });
    expect(events[2].data).toMatchObject({ from: 120, to: 24 });
    expect(events[3].data).toMatchObject({
      settings: {
        offerTtlHours: 48,
        facilitators: ['fac-1', 'fac-2'],
        waitlistOrder: 'arrival',
        completionThreshold: 0.8,
        sessions: 10,
        targetGroupSize: 5,
      },
    });
    for (const event of events)
      expect(event.metadata).toMatchObject({ actor: { id: 'admin-3', role: 'admin' }, correlationId: 'e2e-settings' });
  });

  it('answers a repeated setting with the same cohort and a null position, writing nothing', async () => {
    const cohortId = await planCohort(h, courseId);
    await write(SET_QUOTA, { cohortId, companyId: 'acme', seats: 4 });
    await write(CONFIGURE, { input: { cohortId, sessions: 12 } });
    const before = (await h.events()).length;

    expect(await write(SET_QUOTA, { cohortId, companyId: 'acme', seats: 4 })).toMatchObject({
      position: null,
      cohort: { cohortId },
    });
    expect(await write(CONFIGURE, { input: { cohortId, sessions: 12, targetGroupSize: null } })).toMatchObject({
      position: null,
    });
    expect(await write(CHANGE_CAPACITY, { cohortId, capacity: 30 })).toMatchObject({
      position: null,
      cohort: { capacity: 30 },
    });
    expect(await h.events()).toHaveLength(before);
  });

  it('runs a cohort through its lifecycle: open, closed, running, completed', async () => {
    const cohortId = await planCohort(h, courseId);
    await write(OPEN, { cohortId });
    await write(CLOSE, { cohortId });
    const started = await write(START, { cohortId });
    expect(started.cohort.status).toBe('RUNNING');
    const completed = await write(COMPLETE, { cohortId });
    expect(completed.cohort.status).toBe('COMPLETED');
    expect(BigInt(completed.position!)).toBeGreaterThan(BigInt(started.position!));
    expect(await write(COMPLETE, { cohortId })).toMatchObject({ position: null, cohort: { status: 'COMPLETED' } });

    const listed = await h.gql<{ cohorts: { edges: { node: { cohortId: string } }[] } }>(
      'query($at: Position) { cohorts(first: 100, status: COMPLETED, consistentWith: $at) { edges { node { cohortId } } } }',
      { at: completed.position },
    );
    expect(listed.data!.cohorts.edges.map((e) => e.node.cohortId)).toEqual([cohortId]);
  });

  it('cancels a cohort with its reason', async () => {
    const cohortId = await planCohort(h, courseId);
    await write(OPEN, { cohortId });
    const cancelled = await write(CANCEL, { cohortId, reason: '  Trainer unavailable ' });
    expect(cancelled.cohort.status).toBe('CANCELLED');
    const last = (await h.events()).filter((e) => e.streamId === `cohort-${cohortId}`).at(-1)!;
    expect(last).toMatchObject({
      type: 'CohortCancelled',
      data: { cohortId, reason: 'Trainer unavailable', affected: [] },
    });
  });

  it('refuses to lower the capacity below the seats taken, and allows it down to them', async () => {
    const cohortId = await openCohort(h, 'FIRST_COME', { capacity: 10 });
    for (let i = 0; i < 3; i++) await apply(h, cohortId);
    const seated = () =>
      h
        .events()
        .then(
          (events) => events.filter((e) => e.type === 'SeatReserved' && e.streamId === `cohort-${cohortId}`).length,
        );
    // The gateway's reactor seats first-come applicants after their submission returned.
    await eventually(seated, (n) => n === 3);
    await settled(h);
    const head = await h.gateway.infrastructure.eventStore.headPosition();

    const refused = await h.gql(CHANGE_CAPACITY, { cohortId, capacity: 2 }, admin, correlation);
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'COHORT.CAPACITY_BELOW_SEATS_TAKEN',
      category: 'CONFLICT',
    });
    expect(refused.errors![0].message).toContain('3 seats are taken');
    expect(await h.gateway.infrastructure.eventStore.headPosition()).toBe(head);

    expect(await write(CHANGE_CAPACITY, { cohortId, capacity: 3 })).toMatchObject({
      cohort: { capacity: 3 },
      warnings: [expect.stringContaining('below the recommended minimum')],
    });
  });

  describe('refusals: the right code, the fields named, and nothing written', () => {
    let plannedId: string;
    let openId: string;
    let closedId: string;
    let completedId: string;
    let cancelledId: string;

    beforeAll(async () => {
      plannedId = await planCohort(h, courseId);
      [openId, closedId, completedId, cancelledId] = await Promise.all([1, 2, 3, 4].map(() => planCohort(h, courseId)));
      for (const id of [openId, closedId, completedId]) await h.gql(OPEN, { cohortId: id });
      for (const id of [closedId, completedId]) await h.gql(CLOSE, { cohortId: id });
      await h.gql(START, { cohortId: completedId });
      await h.gql(COMPLETE, { cohortId: completedId });
      await h.gql(CANCEL, { cohortId: cancelledId, reason: 'Not enough applicants' });
    });

    // Ids exist only after beforeAll: variables are built when a case runs.
    const cases: Case[] = [
      // changeCapacity
      {
        name: 'changeCapacity to 1',
        query: CHANGE_CAPACITY,
        variables: () => ({ cohortId: plannedId, capacity: 1 }),
        code: 'COHORT.CAPACITY_OUT_OF_BOUNDS',
        category: 'BAD_USER_INPUT',
        fields: ['capacity'],
      },
      {
        name: 'changeCapacity to 501',
        query: CHANGE_CAPACITY,
        variables: () => ({ cohortId: plannedId, capacity: 501 }),
        code: 'COHORT.CAPACITY_OUT_OF_BOUNDS',
        category: 'BAD_USER_INPUT',
        fields: ['capacity'],
      },
      {
        name: 'changeCapacity to a fraction',
        query: CHANGE_CAPACITY,
        variables: () => ({ cohortId: plannedId, capacity: 2.5 }),
        code: 'BAD_USER_INPUT',
        fields: ['capacity'],
      },
      {
        name: 'changeCapacity with a malformed id',
        query: CHANGE_CAPACITY,
        variables: () => ({ cohortId: 'a b', capacity: 20 }),
        code: 'BAD_USER_INPUT',
        fields: ['cohortId'],
      },
      {
        name: 'changeCapacity of an unknown cohort',
        query: CHANGE_CAPACITY,
        variables: () => ({ cohortId: 'no-such-cohort', capacity: 20 }),
        code: 'COHORT.NOT_FOUND',
        category: 'NOT_FOUND',
      },
      {
        name: 'changeCapacity of a completed cohort',
        query: CHANGE_CAPACITY,
        variables: () => ({ cohortId: completedId, capacity: 20 }),
        code: 'COHORT.ALREADY_COMPLETED',
        category: 'CONFLICT',
      },
      // setCompanyQuota
      {
        name: 'setCompanyQuota with negative seats',
        query: SET_QUOTA,
        variables: () => ({ cohortId: plannedId, companyId: 'acme', seats: -1 }),
        code: 'COHORT.QUOTA_INVALID',
        category: 'BAD_USER_INPUT',
        fields: ['seats'],
      },
      {
        name: 'setCompanyQuota beyond the capacity',
        query: SET_QUOTA,
        variables: () => ({ cohortId: plannedId, companyId: 'acme', seats: 31 }),
        code: 'COHORT.QUOTAS_EXCEED_CAPACITY',
        category: 'CONFLICT',
      },
      {
        name: 'setCompanyQuota with a malformed company',
        query: SET_QUOTA,
        variables: () => ({ cohortId: plannedId, companyId: '../acme', seats: 2 }),
        code: 'BAD_USER_INPUT',
        fields: ['companyId'],
      },
      {
        name: 'setCompanyQuota after completion',
        query: SET_QUOTA,
        variables: () => ({ cohortId: completedId, companyId: 'acme', seats: 2 }),
        code: 'COHORT.ALREADY_COMPLETED',
        category: 'CONFLICT',
      },
      // configureCohort
      {
        name: 'configureCohort with no session',
        query: CONFIGURE,
        variables: () => ({ input: { cohortId: plannedId, sessions: 0 } }),
        code: 'COHORT.SESSIONS_OUT_OF_BOUNDS',
        category: 'BAD_USER_INPUT',
        fields: ['changes.sessions'],
      },
      {
        name: 'configureCohort with several settings out of bounds',
        query: CONFIGURE,
        variables: () => ({ input: { cohortId: plannedId, offerTtlHours: 0, completionThreshold: 1.5 } }),
        code: 'COHORT.OFFER_TTL_OUT_OF_BOUNDS',
        category: 'BAD_USER_INPUT',
        fields: ['changes.offerTtlHours', 'changes.completionThreshold'],
      },
      {
        name: 'configureCohort with an unknown order',
        query: CONFIGURE,
        variables: () => ({ input: { cohortId: plannedId, waitlistOrder: 'RANDOM' } }),
        code: 'BAD_USER_INPUT',
        fields: ['waitlistOrder'],
      },
      {
        name: 'configureCohort with an unknown setting',
        query: CONFIGURE,
        variables: () => ({ input: { cohortId: plannedId, colour: 'blue' } }),
        code: 'BAD_USER_INPUT',
        fields: ['colour'],
      },
      {
        name: 'configureCohort with a malformed facilitator',
        query: CONFIGURE,
        variables: () => ({ input: { cohortId: plannedId, facilitators: ['ok', 'not ok'] } }),
        code: 'BAD_USER_INPUT',
        fields: ['facilitators'],
      },
      {
        name: 'configureCohort with a malformed id',
        query: CONFIGURE,
        variables: () => ({ cohortId: 'a/b', input: { sessions: 3 } }),
        code: 'BAD_USER_INPUT',
        fields: ['cohortId'],
      },
      {
        name: 'configureCohort of a cancelled cohort',
        query: CONFIGURE,
        variables: () => ({ input: { cohortId: cancelledId, sessions: 3 } }),
        code: 'COHORT.CANCELLED',
        category: 'CONFLICT',
      },
      // lifecycle
      {
        name: 'startCohort while planned',
        query: START,
        variables: () => ({ cohortId: plannedId }),
        code: 'COHORT.NOT_OPEN',
        category: 'CONFLICT',
      },
      {
        name: 'startCohort while applications are open',
        query: START,
        variables: () => ({ cohortId: openId }),
        code: 'COHORT.APPLICATIONS_STILL_OPEN',
        category: 'CONFLICT',
      },
      {
        name: 'startCohort of an unknown cohort',
        query: START,
        variables: () => ({ cohortId: 'no-such-cohort' }),
        code: 'COHORT.NOT_FOUND',
        category: 'NOT_FOUND',
      },
      {
        name: 'completeCohort before it runs',
        query: COMPLETE,
        variables: () => ({ cohortId: closedId }),
        code: 'COHORT.NOT_RUNNING',
        category: 'CONFLICT',
      },
      {
        name: 'cancelCohort without a reason',
        query: CANCEL,
        variables: () => ({ cohortId: openId, reason: '   ' }),
        code: 'COHORT.CANCEL_REASON_INVALID',
        category: 'BAD_USER_INPUT',
        fields: ['reason'],
      },
      {
        name: 'cancelCohort after completion',
        query: CANCEL,
        variables: () => ({ cohortId: completedId, reason: 'Too late' }),
        code: 'COHORT.ALREADY_COMPLETED',
        category: 'CONFLICT',
      },
    ];

    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const head = await h.gateway.infrastructure.eventStore.headPosition();
      const result = await h.gql(c.query, c.variables(), admin, correlation);
      expect(result.errors).toHaveLength(1);
      const extensions = result.errors![0].extensions!;
      expect(extensions['code']).toBe(c.code);
      if (c.category) expect(extensions['category']).toBe(c.category);
      if (c.fields)
        expect((extensions['fields'] as { field: string }[]).map((f) => f.field).sort()).toEqual([...c.fields].sort());
      expect(await h.gateway.infrastructure.eventStore.headPosition()).toBe(head);
    });
  });
});
