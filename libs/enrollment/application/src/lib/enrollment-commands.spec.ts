import { enrollmentIdOf, enrollmentStream } from '@sooc/enrollment-domain';
import { RequestContext } from '@sooc/nest';
import { DOSSIER as dossier, EnrollmentWorld, failureOf } from '../testing/enrollment.world';
import { submitApplication } from './submit-application.handler';

const ref = (cohortId: string, learnerId: string) => ({
  enrollmentId: enrollmentIdOf(cohortId, learnerId),
  cohortId,
  learnerId,
});

describe('enrollment command handlers', () => {
  let world: EnrollmentWorld;
  const learner = RequestContext.as({ id: 'learner-1', role: 'learner' }, 'corr-1');
  const submit = (cohortId: string, learnerId: string, d = dossier) =>
    submitApplication(world.runner, { cohortId, learnerId, dossier: d });
  const typesOf = (cohortId: string, learnerId: string) => world.typesOf(enrollmentStream(cohortId, learnerId));

  beforeEach(async () => {
    world = await EnrollmentWorld.start();
  });

  it('submits an application to an open cohort, checks prerequisites case-insensitively, and stamps the caller', async () => {
    await world.givenCohort('c-1');
    const outcome = await RequestContext.run(learner, () => submit('c-1', 'l-1'));

    expect({ position: outcome.position, revision: outcome.revision }).toEqual({
      position: await world.store.headPosition(),
      revision: 0n,
    });
    const [submitted] = await world.store.readStream(enrollmentStream('c-1', 'l-1'));
    expect(submitted.type).toBe('ApplicationSubmitted');
    expect(submitted.data).toMatchObject({
      enrollmentId: 'c-1-l-1',
      cohortId: 'c-1',
      learnerId: 'l-1',
      eligible: true,
      unmetPrerequisites: [],
      selectionPolicy: 'first-come',
    });
    expect(submitted.metadata).toMatchObject({
      actor: learner.actor,
      correlationId: 'corr-1',
      occurredAt: '2026-03-05T10:00:00.000Z',
    });
  });

  it('records an application missing a prerequisite as ineligible', async () => {
    await world.givenCohort('c-1');
    await submit('c-1', 'l-2', { ...dossier, prerequisitesMet: [] });
    const [submitted] = await world.store.readStream(enrollmentStream('c-1', 'l-2'));
    expect(submitted.data).toMatchObject({ eligible: false, unmetPrerequisites: ['TypeScript'] });
  });

  it('refuses the same learner twice, even with the same dossier, and writes nothing', async () => {
    await world.givenCohort('c-1');
    await submit('c-1', 'l-1');
    const head = await world.store.headPosition();
    expect((await failureOf(submit('c-1', 'l-1'))).code).toBe('ENROLLMENT.ALREADY_SUBMITTED');
    expect(await world.store.headPosition()).toBe(head);
  });

  it('refuses applications to a cohort that is not open, or unknown', async () => {
    await world.givenCohort('planned', { open: false });
    expect((await failureOf(submit('planned', 'l-1'))).code).toBe('ENROLLMENT.APPLICATIONS_CLOSED');
    expect((await failureOf(submit('nope', 'l-1'))).code).toBe('COHORT.NOT_FOUND');
    expect(await typesOf('planned', 'l-1')).toEqual([]);
  });

  it('refuses an invalid dossier with the fields to fix', async () => {
    await world.givenCohort('c-1');
    const failure = await failureOf(submit('c-1', 'l-1', { ...dossier, motivation: '   ' }));
    expect(failure.code).toBe('ENROLLMENT.DOSSIER_INVALID');
    expect(failure.fields.map((f) => f.field)).toEqual(['dossier.motivation']);
    expect(await typesOf('c-1', 'l-1')).toEqual([]);
  });

  it('withdraws an application once; a repeat changes nothing', async () => {
    await world.givenCohort('c-1');
    await submit('c-1', 'l-1');
    const first = await world.enrollment('c-1', 'l-1', {
      type: 'WithdrawApplication',
      data: { ...ref('c-1', 'l-1'), reason: 'found another course' },
    });
    const again = await world.enrollment('c-1', 'l-1', {
      type: 'WithdrawApplication',
      data: { ...ref('c-1', 'l-1'), reason: null },
    });

    expect(first.position).not.toBeNull();
    expect(again.position).toBeNull();
    const events = await world.store.readStream(enrollmentStream('c-1', 'l-1'));
    expect(events.map((e) => e.type)).toEqual(['ApplicationSubmitted', 'ApplicationWithdrawn']);
    expect(events[1].data).toMatchObject({ reason: 'found another course', from: 'submitted' });
    expect(
      (
        await failureOf(
          world.enrollment('c-1', 'ghost', {
            type: 'WithdrawApplication',
            data: { ...ref('c-1', 'ghost'), reason: null },
          }),
        )
      ).code,
    ).toBe('ENROLLMENT.NOT_FOUND');
  });

  it('accepts an open offer, and refuses to accept without one', async () => {
    await world.givenCohort('c-1');
    await submit('c-1', 'l-1');
    expect(
      (await failureOf(world.enrollment('c-1', 'l-1', { type: 'AcceptOffer', data: ref('c-1', 'l-1') }))).code,
    ).toBe('ENROLLMENT.NO_OPEN_OFFER');

    await world.offerSeat('c-1', 'l-1');
    await world.enrollment('c-1', 'l-1', { type: 'AcceptOffer', data: ref('c-1', 'l-1') });
    expect(await typesOf('c-1', 'l-1')).toEqual([
      'ApplicationSubmitted',
      'ApplicationAdmitted',
      'SeatOffered',
      'OfferAccepted',
    ]);
  });

  it('declines an open offer with its reason, and refuses once the offer expired', async () => {
    await world.givenCohort('c-1');
    await submit('c-1', 'l-1');
    await submit('c-1', 'l-2');
    await world.offerSeat('c-1', 'l-1');
    await world.offerSeat('c-1', 'l-2');

    await world.enrollment('c-1', 'l-1', {
      type: 'DeclineOffer',
      data: { ...ref('c-1', 'l-1'), reason: 'dates clash' },
    });
    const [declined] = (await world.store.readStream(enrollmentStream('c-1', 'l-1'))).slice(-1);
    expect(declined).toMatchObject({ type: 'OfferDeclined', data: { reason: 'dates clash' } });

    world.clock.set(new Date('2026-03-09T00:00:00Z'));
    expect(
      (
        await failureOf(
          world.enrollment('c-1', 'l-2', { type: 'DeclineOffer', data: { ...ref('c-1', 'l-2'), reason: null } }),
        )
      ).code,
    ).toBe('ENROLLMENT.OFFER_EXPIRED');
  });

  it('writes one application when the same learner submits concurrently', async () => {
    await world.givenCohort('c-1');
    const attempts = await Promise.allSettled([1, 2, 3].map(() => submit('c-1', 'l-1')));
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    expect(await typesOf('c-1', 'l-1')).toEqual(['ApplicationSubmitted']);
  });
});
