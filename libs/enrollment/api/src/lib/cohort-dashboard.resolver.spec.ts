import { enrollmentDecider, enrollmentIdOf, enrollmentStream } from '@sooc/enrollment-domain';
import { CommandRunner } from '@sooc/nest';
import { EnrollmentApiWorld } from '../testing/enrollment-api.world';
import { DashboardUpdatesPublisher } from './dashboard-updates.publisher';

const SUBMIT = 'mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { position } }';
const DASHBOARD = `query($c: ID!, $first: Int) {
  cohortDashboard(cohortId: $c, waitlistFirst: $first) {
    capacity reserved confirmed free fillRate waitlistLength
    waitlist { position learnerId companyId score }
    applicationsByStatus { status count }
    companies { companyId quota reserved confirmed waitlisted applications }
    settings { sessions waitlistOrder targetGroupSize }
  }
}`;

describe('enrollment API: dashboard, offers and groups', () => {
  let world: EnrollmentApiWorld;
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
    await world.app.get(CommandRunner).run(enrollmentDecider, enrollmentStream(cohortId, learnerId), command);
  }

  beforeAll(async () => {
    world = await EnrollmentApiWorld.start();
    cohortId = await world.givenOpenCohort('first-come');
    await world.cohort(cohortId, { type: 'ChangeCapacity', data: { cohortId, capacity: 2 } });
    for (const learnerId of ['l1', 'l2', 'l3']) {
      const dossier = {
        motivation: 'Peers.',
        level: levelOf(learnerId).toUpperCase(),
        companyId: companyOf(learnerId),
        answers: [],
        prerequisitesMet: ['TypeScript'],
      };
      await world.gql(SUBMIT, { input: { cohortId, learnerId, dossier } });
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

  it('accepts an offer, and refuses to accept for a learner who was only waitlisted', async () => {
    const accept =
      'mutation($c: ID!, $l: ID!) { acceptOffer(cohortId: $c, learnerId: $l) { application { status offerExpiresAt } } }';
    const accepted = await world.gql<{ acceptOffer: unknown }>(accept, { c: cohortId, l: 'l1' });
    expect(accepted.data!.acceptOffer).toEqual({
      application: { status: 'ENROLLED', offerExpiresAt: '2026-03-08T10:00:00.000Z' },
    });
    const refused = await world.gql(accept, { c: cohortId, l: 'l3' });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'ENROLLMENT.NO_OPEN_OFFER', category: 'CONFLICT' });
  });

  it('publishes a dashboard update to the cohort watched when a change reaches the read model', async () => {
    const updates = world.app.get(DashboardUpdatesPublisher).updatesOf(cohortId);
    const declined = await world.gql<{ declineOffer: { position: string } }>(
      'mutation($c: ID!) { declineOffer(cohortId: $c, learnerId: "l2", reason: "dates clash") { position application { status statusReason } } }',
      { c: cohortId },
    );
    const next = await updates.next();
    await updates.return?.();
    expect(declined.data!.declineOffer).toMatchObject({ application: { status: 'DECLINED' } });
    expect(next.value).toEqual([{ cohortId, position: BigInt(declined.data!.declineOffer.position) }]);
  });

  it('forms groups of the confirmed learners and shows them; records attendance once the cohort runs', async () => {
    const confirmed = enrollmentIdOf(cohortId, 'l1');
    await world.cohort(cohortId, { type: 'ConfirmSeat', data: { cohortId, enrollmentId: confirmed } });
    await world.cohort(cohortId, { type: 'CloseApplications', data: { cohortId } });
    const form =
      'mutation($c: ID!) { formGroups(cohortId: $c, targetSize: 2, seed: "s1") { position groups { formation targetSize seed groups { groupId members { learnerId companyId level } } } } }';
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

    await world.cohort(cohortId, { type: 'StartCohort', data: { cohortId } });
    const record =
      'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { application { attendance { session attended } attendedSessions } } }';
    const marked = await world.gql<{ recordAttendance: unknown }>(record, {
      input: { cohortId, learnerId: 'l1', session: 2, attended: true },
    });
    expect(marked.data!.recordAttendance).toEqual({
      application: { attendance: [{ session: 2, attended: true }], attendedSessions: 1 },
    });
  });
});
