import { enrollmentIdOf, enrollmentStream } from '@sooc/enrollment-domain';
import { submitted } from '@sooc/enrollment-domain/testing';
import { CohortsApiWorld } from '../testing/cohorts-api.world';
import { DashboardUpdatesPublisher } from './dashboard-updates.publisher';

const DASHBOARD = `query($c: ID!, $first: Int) {
  cohortDashboard(cohortId: $c, waitlistFirst: $first) {
    capacity reserved confirmed free fillRate waitlistLength
    waitlist { position learnerId companyId score }
    applicationsByStatus { status count }
    companies { companyId quota reserved confirmed waitlisted applications }
    settings { sessions waitlistOrder targetGroupSize }
  }
}`;

describe('cohorts API: dashboard and groups', () => {
  let world: CohortsApiWorld;
  let cohortId: string;
  const companyOf = (learnerId: string) => (learnerId === 'l2' ? null : 'acme');
  const levelOf = (learnerId: string) => (learnerId === 'l1' ? 'beginner' : 'advanced') as 'beginner' | 'advanced';

  /** What the reactor does on a first-come arrival: the cohort seats or waitlists, the enrollment hears of it. */
  async function arrive(learnerId: string): Promise<void> {
    const enrollmentId = enrollmentIdOf(cohortId, learnerId);
    const applicant = { enrollmentId, learnerId, companyId: companyOf(learnerId), level: levelOf(learnerId) };
    const { events } = await world.cohort(cohortId, {
      type: 'AdmitApplicant',
      data: { cohortId, applicant, score: null },
    });
    const ref = { enrollmentId, cohortId, learnerId };
    const reserved = events.find((e) => e.type === 'SeatReserved');
    const command = reserved
      ? ({
          type: 'OfferSeat',
          data: { ...ref, expiresAt: '2026-03-08T10:00:00.000Z', promoted: false, reason: 'seat free' },
        } as const)
      : ({ type: 'RecordWaitlisting', data: { ...ref, reason: 'no free seat' } } as const);
    await world.enrollment(cohortId, learnerId, command);
  }

  beforeAll(async () => {
    world = await CohortsApiWorld.start();
    cohortId = await world.givenOpenCohort('first-come');
    await world.cohort(cohortId, { type: 'ChangeCapacity', data: { cohortId, capacity: 2 } });
    for (const learnerId of ['l1', 'l2', 'l3']) {
      // The enrollment context's submission, as its API writes it.
      const submission = submitted(cohortId, learnerId, {
        companyId: companyOf(learnerId),
        level: levelOf(learnerId),
        selectionPolicy: 'first-come',
      });
      await world.append(enrollmentStream(cohortId, learnerId), [submission]);
      await arrive(learnerId);
    }
  });
  afterAll(() => world.close());

  it('shows seats, waitlist, applications by status and per company', async () => {
    const at = await world.store.headPosition();
    await world.runner.waitForPosition(at!);
    const { data } = await world.gql<{ cohortDashboard: unknown }>(DASHBOARD, { c: cohortId });
    expect(data!.cohortDashboard).toEqual({
      capacity: 2,
      reserved: 2,
      confirmed: 0,
      free: 0,
      fillRate: 1,
      waitlistLength: 1,
      waitlist: [{ position: 1, learnerId: 'l3', companyId: 'acme', score: null }],
      applicationsByStatus: [
        { status: 'OFFERED', count: 2 },
        { status: 'WAITLISTED', count: 1 },
      ],
      companies: [
        { companyId: 'acme', quota: null, reserved: 1, confirmed: 0, waitlisted: 1, applications: 2 },
        { companyId: null, quota: null, reserved: 1, confirmed: 0, waitlisted: 0, applications: 1 },
      ],
      settings: { sessions: 10, waitlistOrder: 'ARRIVAL', targetGroupSize: 5 },
    });
    expect((await world.gql<{ cohortDashboard: null }>(DASHBOARD, { c: 'unknown' })).data!.cohortDashboard).toBeNull();
  });

  it('counts the learner who accepted their offer among the enrolled', async () => {
    await world.enrollment(cohortId, 'l1', {
      type: 'AcceptOffer',
      data: { enrollmentId: enrollmentIdOf(cohortId, 'l1'), cohortId, learnerId: 'l1' },
    });
    const at = await world.store.headPosition();
    await world.runner.waitForPosition(at!);
    const { data } = await world.gql<{ cohortDashboard: { applicationsByStatus: unknown } }>(DASHBOARD, {
      c: cohortId,
    });
    expect(data!.cohortDashboard.applicationsByStatus).toEqual([
      { status: 'ENROLLED', count: 1 },
      { status: 'OFFERED', count: 1 },
      { status: 'WAITLISTED', count: 1 },
    ]);
  });

  it('publishes a dashboard update to the cohort watched when a change reaches the read model', async () => {
    const updates = world.app.get(DashboardUpdatesPublisher).updatesOf(cohortId);
    const ref = { enrollmentId: enrollmentIdOf(cohortId, 'l2'), cohortId, learnerId: 'l2' };
    const declined = await world.enrollment(cohortId, 'l2', {
      type: 'DeclineOffer',
      data: { ...ref, reason: 'dates clash' },
    });
    const next = await updates.next();
    await updates.return?.();
    expect(declined.state).toMatchObject({ status: 'declined' });
    expect(next.value).toEqual([{ cohortId, position: declined.position }]);
  });

  it('forms groups of the confirmed learners and shows them', async () => {
    const confirmed = enrollmentIdOf(cohortId, 'l1');
    await world.cohort(cohortId, { type: 'ConfirmSeat', data: { cohortId, enrollmentId: confirmed } });
    await world.cohort(cohortId, { type: 'CloseApplications', data: { cohortId } });
    const form =
      'mutation($c: ID!) { formGroups(input: { cohortId: $c, targetSize: 2, seed: "s1" }) { position groups { formation targetSize seed groups { groupId members { learnerId companyId level } } } } }';
    const formed = await world.gql<{ formGroups: { groups: unknown } }>(form, { c: cohortId });
    const expected = {
      formation: 1,
      targetSize: 2,
      seed: 's1',
      groups: [{ groupId: 'g1', members: [{ learnerId: 'l1', companyId: 'acme', level: 'BEGINNER' }] }],
    };
    expect(formed.data!.formGroups.groups).toEqual(expected);
    expect(
      (
        await world.gql<{ groups: unknown }>(
          'query($c: ID!) { groups(cohortId: $c) { formation targetSize seed groups { groupId members { learnerId companyId level } } } }',
          { c: cohortId },
        )
      ).data!.groups,
    ).toEqual(expected);
  });
});
