import { defaultCohortSettings } from '@sooc/cohorts-domain';
import { recorded } from '@sooc/cohorts-domain/testing';
import { cohortScenario } from '@sooc/selection-domain/testing';
import { project } from '@sooc/read-store/testing';
import { migratedDatabase, testDialects, type MigratedDatabase } from '../testing/read-db.fixture';
import { projectScenario, reconfigured } from '../testing/scenario.fixture';
import { cohortDashboardProjection } from './cohort-dashboard.projection';
import { findCohortDashboard } from './cohort-dashboard.query';

const learners = (waitlist: readonly { learnerId: string | null }[]) => waitlist.map((w) => w.learnerId);

describe.each(testDialects)('cohort dashboard query on %s', (dialect) => {
  let fx: MigratedDatabase;
  // An open (not blind) rubric first: the blind one comes in the last case.
  const events = cohortScenario().map((e) =>
    e.type === 'RubricDefined' ? { ...e, data: { ...(e.data as object), blind: false } } : e,
  );

  beforeAll(async () => {
    fx = await migratedDatabase(dialect);
    await projectScenario(fx.db, events);
  });

  afterAll(() => fx?.dispose());

  it('counts seats, free places and the fill rate from the seat ledger', async () => {
    const dashboard = await findCohortDashboard(fx.db, 'c1');
    expect(dashboard).toMatchObject({
      cohortId: 'c1',
      title: 'Cohort c1',
      status: 'open',
      selectionPolicy: 'review',
      waitlistOrder: 'score',
      capacity: 4,
      reserved: 2,
      confirmed: 1,
      free: 1,
      fillRate: 0.75,
      waitlistLength: 5,
      settings: defaultCohortSettings('review'),
    });
  });

  it('counts applications by status, every status that has one, sorted', async () => {
    expect((await findCohortDashboard(fx.db, 'c1'))!.applicationsByStatus).toEqual([
      { status: 'enrolled', count: 1 },
      { status: 'ineligible', count: 1 },
      { status: 'offered', count: 2 },
      { status: 'submitted', count: 1 },
      { status: 'waitlisted', count: 5 },
      { status: 'withdrawn', count: 1 },
    ]);
  });

  it('breaks seats, waitlist and applications down by company, with quotas; independent learners last', async () => {
    expect((await findCohortDashboard(fx.db, 'c1'))!.companies).toEqual([
      { companyId: 'acme', quota: 2, reserved: 1, confirmed: 1, waitlisted: 0, applications: 2 },
      { companyId: 'globex', quota: 1, reserved: 0, confirmed: 0, waitlisted: 2, applications: 2 },
      { companyId: 'initech', quota: null, reserved: 0, confirmed: 0, waitlisted: 0, applications: 1 },
      { companyId: null, quota: null, reserved: 1, confirmed: 0, waitlisted: 3, applications: 6 },
    ]);
  });

  it('lists the waitlist by score, unscored last, ties to the earlier arrival', async () => {
    const { waitlist } = (await findCohortDashboard(fx.db, 'c1'))!;
    expect(learners(waitlist)).toEqual(['g1', 'i4', 'g2', 'i2', 'i3']);
    expect(waitlist[0]).toEqual({
      position: 1,
      reference: expect.stringMatching(/^wl-/),
      enrollmentId: 'c1-g1',
      learnerId: 'g1',
      companyId: 'globex',
      score: 85,
      waitlistedAt: expect.any(String),
    });
    expect(waitlist.map((w) => w.position)).toEqual([1, 2, 3, 4, 5]);
    expect(waitlist[4].score).toBeNull();
  });

  it('lists only the first entries asked for (1..1000), the length still counting all', async () => {
    const two = (await findCohortDashboard(fx.db, 'c1', { waitlistFirst: 2 }))!;
    expect(learners(two.waitlist)).toEqual(['g1', 'i4']);
    expect(two.waitlistLength).toBe(5);
    expect((await findCohortDashboard(fx.db, 'c1', { waitlistFirst: 0 }))!.waitlist).toHaveLength(1);
    expect((await findCohortDashboard(fx.db, 'c1', { waitlistFirst: 5000 }))!.waitlist).toHaveLength(5);
  });

  it('pages past the first entries: those after a position, numbered as in the whole waitlist', async () => {
    const whole = (await findCohortDashboard(fx.db, 'c1', { waitlistFirst: 5 }))!.waitlist;
    const page = (await findCohortDashboard(fx.db, 'c1', { waitlistFirst: 2, waitlistAfter: 2 }))!;
    expect(page.waitlist).toEqual(whole.slice(2, 4));
    expect(page.waitlist.map((w) => w.position)).toEqual([3, 4]);
    expect(page.waitlistLength).toBe(5);
    expect((await findCohortDashboard(fx.db, 'c1', { waitlistAfter: 5 }))!.waitlist).toEqual([]);
  });

  it('shows an empty cohort with all seats free, and null for a cohort never planned', async () => {
    expect(await findCohortDashboard(fx.db, 'c2')).toMatchObject({
      waitlistOrder: 'arrival',
      capacity: 2,
      reserved: 0,
      free: 2,
      fillRate: 0,
      waitlist: [],
      waitlistLength: 0,
      applicationsByStatus: [{ status: 'submitted', count: 1 }],
      companies: [{ companyId: 'acme', quota: null, reserved: 0, confirmed: 0, waitlisted: 0, applications: 1 }],
    });
    expect(await findCohortDashboard(fx.db, 'nope')).toBeNull();
  });

  // Near the end: it changes the cohort's settings for the rest of the file.
  it('lists the waitlist by arrival once the cohort is configured so, whatever the scores', async () => {
    const settings = { ...defaultCohortSettings('review'), waitlistOrder: 'arrival' as const };
    await project(fx.db, cohortDashboardProjection, reconfigured(settings, events.length + 1));
    const dashboard = (await findCohortDashboard(fx.db, 'c1'))!;
    expect(dashboard.waitlistOrder).toBe('arrival');
    expect(dashboard.settings).toEqual(settings);
    expect(learners(dashboard.waitlist)).toEqual(['i3', 'i2', 'i4', 'g2', 'g1']);
  });

  // Issue 10 #5, last: the rubric turns blind for the rest of the file.
  it('shows opaque references instead of who waits once the cohort reviews blind', async () => {
    const before = (await findCohortDashboard(fx.db, 'c1'))!.waitlist;
    const rubric = {
      type: 'RubricDefined' as const,
      data: {
        cohortId: 'c1',
        version: 2,
        criteria: [{ id: 'fit', label: 'Fit', weight: 1 }],
        blind: true,
        reviewsRequired: 1,
      },
    };
    await project(fx.db, cohortDashboardProjection, [recorded(rubric, events.length + 10)]);
    const { waitlist } = (await findCohortDashboard(fx.db, 'c1'))!;
    expect(waitlist).toHaveLength(before.length);
    for (const [i, entry] of waitlist.entries()) {
      expect(entry).toEqual({
        position: i + 1,
        reference: before[i].reference,
        enrollmentId: null,
        learnerId: null,
        companyId: null,
        score: before[i].score,
        waitlistedAt: before[i].waitlistedAt,
      });
      expect(entry.reference).toMatch(/^wl-[0-9a-z]+$/);
      expect(JSON.stringify(entry)).not.toContain(before[i].learnerId!);
    }
    expect(new Set(waitlist.map((w) => w.reference)).size).toBe(waitlist.length);
  });
});
