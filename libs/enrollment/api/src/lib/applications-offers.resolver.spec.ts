import { enrollmentDecider, enrollmentIdOf, enrollmentStream } from '@sooc/enrollment-domain';
import { CommandRunner } from '@sooc/nest';
import { EnrollmentApiWorld } from '../testing/enrollment-api.world';

const SUBMIT = 'mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { position } }';

/** The enrollment side of a first-come cohort of two seats and three applicants (the dashboard's is in cohorts-api). */
describe('enrollment API: offers and attendance', () => {
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

  it('accepts an offer, and refuses to accept for a learner who was only waitlisted', async () => {
    const accept =
      'mutation($c: ID!, $l: ID!) { acceptOffer(input: { cohortId: $c, learnerId: $l }) { application { status offerExpiresAt } } }';
    const accepted = await world.gql<{ acceptOffer: unknown }>(accept, { c: cohortId, l: 'l1' });
    expect(accepted.data!.acceptOffer).toEqual({
      application: { status: 'ENROLLED', offerExpiresAt: '2026-03-08T10:00:00.000Z' },
    });
    const refused = await world.gql(accept, { c: cohortId, l: 'l3' });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'ENROLLMENT.NO_OPEN_OFFER', category: 'CONFLICT' });
  });

  it('declines an offer, with the reason', async () => {
    const declined = await world.gql<{ declineOffer: { position: string } }>(
      'mutation($c: ID!) { declineOffer(input: { cohortId: $c, learnerId: "l2", reason: "dates clash" }) { position application { status statusReason } } }',
      { c: cohortId },
    );
    expect(declined.data!.declineOffer).toMatchObject({ application: { status: 'DECLINED' } });
  });

  it('records attendance once the cohort runs', async () => {
    const confirmed = enrollmentIdOf(cohortId, 'l1');
    await world.cohort(cohortId, { type: 'ConfirmSeat', data: { cohortId, enrollmentId: confirmed } });
    await world.cohort(cohortId, { type: 'CloseApplications', data: { cohortId } });
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
