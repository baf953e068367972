import { cohortStream } from '@sooc/cohorts-domain';
import { enrollmentStream } from '@sooc/enrollment-domain';
import { DOSSIER, EnrollmentWorld, failureOf } from '../testing/enrollment.world';
import { recordAttendance } from './record-attendance.handler';
import { submitApplication } from './submit-application.handler';

describe('commands of a running cohort', () => {
  let world: EnrollmentWorld;
  const learners = ['l-1', 'l-2', 'l-3', 'l-4'];

  beforeEach(async () => {
    world = await EnrollmentWorld.start();
    await world.givenCohort('c-1');
    for (const [i, learnerId] of learners.entries()) {
      const dossier = {
        ...DOSSIER,
        companyId: i % 2 === 0 ? 'acme' : null,
        level: i < 2 ? ('beginner' as const) : ('advanced' as const),
      };
      await submitApplication(world.runner, { cohortId: 'c-1', learnerId, dossier });
      await world.givenEnrolled('c-1', learnerId, dossier);
    }
  });

  it('records attendance only once the cohort runs, and only for a planned session', async () => {
    expect(
      (
        await failureOf(
          recordAttendance(world.runner, { cohortId: 'c-1', learnerId: 'l-1', session: 1, attended: true }),
        )
      ).code,
    ).toBe('ENROLLMENT.COHORT_NOT_RUNNING');
    await world.startCohort('c-1');

    await recordAttendance(world.runner, { cohortId: 'c-1', learnerId: 'l-1', session: 1, attended: true });
    const again = await recordAttendance(world.runner, {
      cohortId: 'c-1',
      learnerId: 'l-1',
      session: 1,
      attended: true,
    });
    const outside = await failureOf(
      recordAttendance(world.runner, { cohortId: 'c-1', learnerId: 'l-1', session: 11, attended: true }),
    );

    expect(again.position).toBeNull();
    expect(outside).toEqual({
      code: 'ENROLLMENT.SESSION_INVALID',
      fields: [expect.objectContaining({ field: 'session' })],
    });
    const [recorded] = (await world.store.readStream(enrollmentStream('c-1', 'l-1'))).slice(-1);
    expect(recorded).toMatchObject({ type: 'AttendanceRecorded', data: { session: 1, attended: true } });
  });

  it('forms groups of the confirmed learners; the same seed again changes nothing, another seed is a new formation', async () => {
    await world.startCohort('c-1');
    const first = await world.cohort('c-1', {
      type: 'FormGroups',
      data: { cohortId: 'c-1', targetSize: 2, seed: 'seed-1' },
    });
    const repeat = await world.cohort('c-1', {
      type: 'FormGroups',
      data: { cohortId: 'c-1', targetSize: 2, seed: 'seed-1' },
    });
    await world.cohort('c-1', { type: 'FormGroups', data: { cohortId: 'c-1', targetSize: null, seed: 'seed-2' } });

    expect(first.position).not.toBeNull();
    expect(repeat.position).toBeNull();
    const formed = (await world.store.readStream(cohortStream('c-1'))).filter((e) => e.type === 'GroupsFormed');
    expect(formed.map((e) => e.data)).toMatchObject([
      { formation: 1, targetSize: 2, seed: 'seed-1' },
      { formation: 2, targetSize: 5, seed: 'seed-2' },
    ]);
    const members = (formed[0].data as { groups: { members: { learnerId: string }[] }[] }).groups.flatMap((g) =>
      g.members.map((m) => m.learnerId),
    );
    expect(members.sort()).toEqual(learners);
  });

  it('refuses to form groups of an unknown size', async () => {
    const failure = await failureOf(
      world.cohort('c-1', { type: 'FormGroups', data: { cohortId: 'c-1', targetSize: 1, seed: 'seed' } }),
    );
    expect(failure.code).toBe('COHORT.GROUP_SIZE_OUT_OF_BOUNDS');
    expect(failure.fields.map((f) => f.field)).toEqual(['targetSize']);
  });
});
