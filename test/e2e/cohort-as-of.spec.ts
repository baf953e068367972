import { settled } from './admission.support';
import { openCohort, submit } from './enrollment.fixture';
import { startGateway, type Harness } from './gateway.harness';

const COMPLIANCE = { role: 'compliance', subject: 'auditor-1' } as const;
const AS_OF = `query($c: ID!, $at: AsOfInput!) {
  cohortAsOf(cohortId: $c, at: $at) {
    status capacity reserved confirmed
    roster { learnerId companyId seat }
    waitlist { position learnerId companyId }
    companies { companyId quota reserved confirmed waitlisted }
    settings { offerTtlHours waitlistOrder }
  }
}`;
const LIVE = `query($c: ID!, $at: Position) {
  cohort(cohortId: $c, consistentWith: $at) { status }
  cohortDashboard(cohortId: $c, consistentWith: $at) {
    capacity reserved confirmed
    waitlist { position learnerId companyId }
    companies { companyId quota reserved confirmed waitlisted }
    settings { offerTtlHours waitlistOrder }
  }
}`;

interface Company {
  companyId: string | null;
  quota: number | null;
  reserved: number;
  confirmed: number;
  waitlisted: number;
}
interface Live {
  cohort: { status: string };
  cohortDashboard: {
    capacity: number;
    reserved: number;
    confirmed: number;
    waitlist: { position: number; learnerId: string; companyId: string | null }[];
    companies: Company[];
    settings: { offerTtlHours: number; waitlistOrder: string };
  };
}

/** What the live queries and cohortAsOf both say, in one shape. */
const fromLive = (live: Live) => ({
  status: live.cohort.status,
  capacity: live.cohortDashboard.capacity,
  reserved: live.cohortDashboard.reserved,
  confirmed: live.cohortDashboard.confirmed,
  waitlist: live.cohortDashboard.waitlist,
  // The dashboard also counts the learners without a company in a row of their own.
  companies: live.cohortDashboard.companies
    .filter((c) => c.companyId !== null)
    .map(({ companyId, quota, reserved, confirmed, waitlisted }) => ({
      companyId,
      quota,
      reserved,
      confirmed,
      waitlisted,
    })),
  settings: live.cohortDashboard.settings,
});

describe('cohortAsOf and enrollmentAsOf: a cohort or an application at any point of its history, from its events', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startGateway();
  });
  afterAll(() => h.close());

  it('equals, at each of ten instants, what the live queries showed then — by position and by time', async () => {
    const cohortId = await openCohort(h, { selectionPolicy: 'FIRST_COME', capacity: 3 });
    const instants: { position: string; time: string; live: ReturnType<typeof fromLive> }[] = [];
    const ok = (answer: { errors?: unknown }) => {
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    };
    const snapshot = async () => {
      await settled(h, 150);
      const position = String(await h.gateway.infrastructure.eventStore.headPosition());
      const live = await h.gql<Live>(LIVE, { c: cohortId, at: position });
      ok(live);
      instants.push({ position, time: new Date().toISOString(), live: fromLive(live.data!) });
      // The next event must occur after this instant, in another millisecond.
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const mutate = async (query: string, variables: Record<string, unknown>) => {
      ok(await h.gql(query, variables));
      await snapshot();
    };

    await snapshot();
    await mutate(
      'mutation($c: ID!) { setCompanyQuota(input: { cohortId: $c, companyId: "acme", seats: 1 }) { position } }',
      { c: cohortId },
    );
    for (const [learnerId, companyId] of [
      ['ada', 'acme'],
      ['bob', 'initech'],
      ['cyd', null],
      ['dee', 'acme'],
    ] as const) {
      ok(await submit(h, cohortId, learnerId, { companyId }));
      await snapshot();
    }
    await mutate('mutation($c: ID!) { acceptOffer(input: { cohortId: $c, learnerId: "ada" }) { position } }', {
      c: cohortId,
    });
    await mutate(
      'mutation($c: ID!) { withdrawApplication(input: { cohortId: $c, learnerId: "bob", reason: "Moved" }) { position } }',
      { c: cohortId },
    );
    await mutate('mutation($c: ID!) { configureCohort(input: { cohortId: $c, offerTtlHours: 24 }) { position } }', {
      c: cohortId,
    });
    await mutate('mutation($c: ID!) { changeCapacity(input: { cohortId: $c, capacity: 5 }) { position } }', {
      c: cohortId,
    });
    expect(instants).toHaveLength(10);
    // The history moved: the instants do not all look alike.
    expect(new Set(instants.map((i) => JSON.stringify(i.live))).size).toBeGreaterThanOrEqual(8);

    for (const instant of instants) {
      for (const at of [{ position: instant.position }, { time: instant.time }]) {
        const past = await h.gql<{ cohortAsOf: Record<string, unknown> }>(AS_OF, { c: cohortId, at }, COMPLIANCE);
        ok(past);
        const { roster, ...seen } = past.data!.cohortAsOf as { roster: { seat: string }[] } & Record<string, unknown>;
        expect({ at, seen }).toEqual({ at, seen: instant.live });
        expect(roster).toHaveLength((instant.live.reserved as number) + (instant.live.confirmed as number));
      }
    }
  });

  it('answers null before the cohort existed, and refuses an instant given both ways or not at all', async () => {
    const cohortId = await openCohort(h, { selectionPolicy: 'FIRST_COME' });
    const before = await h.gql(AS_OF, { c: cohortId, at: { time: '2000-01-01T00:00:00Z' } }, COMPLIANCE);
    expect(before).toEqual({ data: { cohortAsOf: null } });
    for (const at of [{}, { time: '2030-01-01T00:00:00Z', position: '1' }]) {
      const refused = await h.gql(AS_OF, { c: cohortId, at }, COMPLIANCE);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'at' }] });
    }
  });

  it('answers why a learner was waitlisted then: enrollmentAsOf folds their application, the audit trail names who and why', async () => {
    const cohortId = await openCohort(h, { selectionPolicy: 'FIRST_COME', capacity: 2 });
    const ENROLLMENT = `query($c: ID!, $l: ID!, $at: AsOfInput!) {
      enrollmentAsOf(cohortId: $c, learnerId: $l, at: $at) { status companyId offerExpiresAt }
    }`;
    const asOf = async (learnerId: string, at: Record<string, unknown>) =>
      (
        await h.gql<{ enrollmentAsOf: { status: string } | null }>(
          ENROLLMENT,
          { c: cohortId, l: learnerId, at },
          COMPLIANCE,
        )
      ).data!.enrollmentAsOf;
    const before = String(await h.gateway.infrastructure.eventStore.headPosition());
    for (const learnerId of ['ann', 'ben', 'cat']) {
      const answer = await submit(h, cohortId, learnerId);
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    }
    await settled(h, 150);
    const waitlisted = String(await h.gateway.infrastructure.eventStore.headPosition());
    const changed = await h.gql(
      'mutation($c: ID!) { changeCapacity(input: { cohortId: $c, capacity: 3 }) { position } }',
      {
        c: cohortId,
      },
    );
    if (changed.errors) throw new Error(JSON.stringify(changed.errors));
    await settled(h, 150);

    expect(await asOf('cat', { position: before })).toBeNull();
    expect(await asOf('cat', { position: waitlisted })).toMatchObject({ status: 'WAITLISTED', offerExpiresAt: null });
    expect(await asOf('cat', { time: new Date().toISOString() })).toMatchObject({ status: 'OFFERED' });
    const trail = await h.gql<{ auditTrail: { edges: { node: { type: string; summary: string } }[] } }>(
      `query($l: ID!, $c: ID!) { auditTrail(filter: { learnerId: $l, cohortId: $c }) { edges { node { type summary } } } }`,
      { l: 'cat', c: cohortId },
      COMPLIANCE,
    );
    expect(trail.data!.auditTrail.edges.map((e) => e.node.type)).toEqual(
      expect.arrayContaining(['ApplicationSubmitted', 'ApplicantWaitlisted', 'ApplicationWaitlisted', 'SeatOffered']),
    );
  });
});
