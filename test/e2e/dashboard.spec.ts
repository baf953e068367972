import { eventually } from '@sooc/util/testing';
import { CLOSE } from './cohorts.fixture';
import {
  ACCEPT,
  DASHBOARD,
  DASHBOARD_FIELDS,
  application,
  countOf,
  dashboard,
  dashboardWatched,
  openCohort,
  submit,
  subscribe,
  type Dashboard,
} from './enrollment.fixture';
import { startGateway, type Harness } from './gateway.harness';
import { openFirstComeCohort, SUBMIT, submission } from './admission.support';

const UPDATES = `subscription Updates($cohortId: ID!) { cohortDashboardUpdated(cohortId: $cohortId) { ${DASHBOARD_FIELDS} } }`;
const FORM_GROUPS = `mutation Form($cohortId: ID!, $targetSize: Int, $seed: String) {
  formGroups(input: { cohortId: $cohortId, targetSize: $targetSize, seed: $seed }) {
    position
    groups { cohortId formation targetSize seed formedAt groups { groupId members { enrollmentId learnerId companyId level } } }
  }
}`;
const GROUPS =
  'query Groups($cohortId: ID!) { groups(cohortId: $cohortId) { formation targetSize seed groups { groupId members { learnerId } } } }';

interface Formed {
  formGroups: {
    position: string | null;
    groups: {
      formation: number;
      targetSize: number;
      seed: string;
      groups: { groupId: string; members: { learnerId: string; companyId: string | null; level: string }[] }[];
    };
  };
}

describe('cohort dashboard', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startGateway();
  });
  afterAll(() => h.close());

  it("shows an empty cohort's seats and settings, and null for an unknown cohort", async () => {
    const cohortId = await openCohort(h, { capacity: 20 });
    expect(await dashboard(h, cohortId)).toEqual({
      cohortId,
      title: 'Cohort 2030 spring',
      capacity: 20,
      reserved: 0,
      confirmed: 0,
      free: 20,
      fillRate: 0,
      waitlistLength: 0,
      waitlist: [],
      applicationsByStatus: [],
      companies: [],
      settings: {
        facilitators: [],
        offerTtlHours: 72,
        targetGroupSize: 5,
        waitlistOrder: 'SCORE',
        sessions: 10,
        completionThreshold: 0.7,
      },
    });
    expect(await dashboard(h, 'no-such-cohort')).toBeNull();
    const noWaitlist = await h.gql(DASHBOARD, { cohortId, waitlistFirst: 0 });
    expect(noWaitlist.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'waitlistFirst' })],
    });
    const before = await h.gql(
      'query($cohortId: ID!) { cohortDashboard(cohortId: $cohortId, waitlistAfter: -1) { waitlistLength } }',
      { cohortId },
    );
    expect(before.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'waitlistAfter' })],
    });
  });

  it('pages through the waitlist past its first entries with waitlistAfter, numbered as in the whole', async () => {
    const cohortId = await openFirstComeCohort(h, 2);
    for (const learner of ['wa', 'wb', 'wc', 'wd', 'we']) await h.gql(SUBMIT, submission(cohortId, learner));
    const WAITLIST = `query($cohortId: ID!, $first: Int, $after: Int) {
      cohortDashboard(cohortId: $cohortId, waitlistFirst: $first, waitlistAfter: $after) {
        waitlistLength waitlist { position learnerId }
      }
    }`;
    type Page = { cohortDashboard: { waitlistLength: number; waitlist: { position: number; learnerId: string }[] } };
    const page = async (first: number, after: number) =>
      (await h.gql<Page>(WAITLIST, { cohortId, first, after })).data!.cohortDashboard;
    // The reactor waitlists those who came after the two seats went.
    for (let i = 0; i < 100 && (await page(5, 0)).waitlistLength < 3; i++) await new Promise((r) => setTimeout(r, 100));
    const whole = await page(5, 0);
    expect(whole.waitlistLength).toBe(3);
    expect(await page(1, 1)).toEqual({ waitlistLength: 3, waitlist: [whole.waitlist[1]] });
    expect(whole.waitlist[1].position).toBe(2);
    expect((await page(5, 3)).waitlist).toEqual([]);
  });

  it('counts applications by status and per company, read-your-writes with consistentWith', async () => {
    const cohortId = await openCohort(h);
    await submit(h, cohortId, 'ada');
    await submit(h, cohortId, 'bob', { companyId: null });
    const last = await submit(h, cohortId, 'cyd', { prerequisitesMet: [] });
    const { data } = await h.gql<{ cohortDashboard: Dashboard }>(DASHBOARD, {
      cohortId,
      at: last.data!.submitApplication.position,
    });

    expect(data!.cohortDashboard.applicationsByStatus).toEqual([
      { status: 'INELIGIBLE', count: 1 },
      { status: 'SUBMITTED', count: 2 },
    ]);
    expect(data!.cohortDashboard.companies).toEqual([
      { companyId: 'acme', quota: null, reserved: 0, confirmed: 0, waitlisted: 0, applications: 2 },
      { companyId: null, quota: null, reserved: 0, confirmed: 0, waitlisted: 0, applications: 1 },
    ]);
  });

  it('pushes the dashboard over graphql-ws after a submission to its cohort, not to others', async () => {
    const cohortId = await openCohort(h);
    const other = await openCohort(h);
    const updates = subscribe<{ cohortDashboardUpdated: Dashboard }>(h, UPDATES, { cohortId });
    await dashboardWatched(h, cohortId);

    await submit(h, other, 'ada');
    await submit(h, cohortId, 'bob');
    const pushed = (await updates.next()).cohortDashboardUpdated;
    expect(pushed).toMatchObject({
      cohortId,
      applicationsByStatus: [{ status: 'SUBMITTED', count: 1 }],
      companies: [expect.objectContaining({ companyId: 'acme', applications: 1 })],
    });
    updates.unsubscribe();
  });
});

/** Seats are reserved and confirmed by the reactor (run in-process by the gateway): each step polls, bounded. */
describe('groups of a cohort (needs the reactor in the gateway)', () => {
  let h: Harness;
  let cohortId: string;
  const learners = ['l1', 'l2', 'l3', 'l4'];
  beforeAll(async () => {
    h = await startGateway();
    cohortId = await openCohort(h, { selectionPolicy: 'FIRST_COME', capacity: 4 });
    for (const [i, learnerId] of learners.entries()) {
      await submit(h, cohortId, learnerId, {
        companyId: i % 2 === 0 ? 'acme' : 'globex',
        level: i < 2 ? 'BEGINNER' : 'ADVANCED',
      });
    }
  });
  afterAll(() => h.close());

  it('refuses groups while applications are open, and has none yet', async () => {
    const early = await h.gql(FORM_GROUPS, { cohortId, seed: 's' });
    expect(early.errors![0].extensions).toEqual({ code: 'COHORT.APPLICATIONS_STILL_OPEN', category: 'CONFLICT' });
    expect((await h.gql<{ groups: null }>(GROUPS, { cohortId })).data!.groups).toBeNull();
  });

  it('forms balanced groups of the confirmed learners, the same for the same seed', async () => {
    for (const learnerId of learners) {
      await eventually(
        () => application(h, cohortId, learnerId),
        (a) => a?.status === 'OFFERED',
        10_000,
      );
      await h.gql(ACCEPT, { cohortId, learnerId });
    }
    await eventually(
      () => dashboard(h, cohortId),
      (d) => d?.confirmed === 4,
      10_000,
    );
    await h.gql(CLOSE, { cohortId });

    const formed = await h.gql<Formed>(FORM_GROUPS, { cohortId, targetSize: 2, seed: 'spring' });
    expect(formed.errors).toBeUndefined();
    const { groups } = formed.data!.formGroups;
    expect(groups).toMatchObject({ formation: 1, targetSize: 2, seed: 'spring' });
    expect(groups.groups.map((g) => g.members.length)).toEqual([2, 2]);
    // Balanced: each group mixes both companies and both levels.
    for (const group of groups.groups) {
      expect(new Set(group.members.map((m) => m.companyId)).size).toBe(2);
      expect(new Set(group.members.map((m) => m.level)).size).toBe(2);
    }
    const shown = await h.gql<{ groups: { groups: { members: { learnerId: string }[] }[] } }>(GROUPS, { cohortId });
    expect(shown.data!.groups.groups.map((g) => g.members.map((m) => m.learnerId))).toEqual(
      groups.groups.map((g) => g.members.map((m) => m.learnerId)),
    );

    const again = await h.gql<Formed>(FORM_GROUPS, { cohortId, targetSize: 2, seed: 'spring' });
    expect(again.data!.formGroups).toEqual({ position: null, groups: formed.data!.formGroups.groups });
    const random = await h.gql<Formed>(FORM_GROUPS, { cohortId });
    expect(random.data!.formGroups.groups).toMatchObject({
      formation: 2,
      targetSize: 5,
      seed: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(countOf(await dashboard(h, cohortId), 'ENROLLED')).toBe(4);
  });
});
