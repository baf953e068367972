import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { cohortDecider, cohortStream, courseDecider, courseStream, type CohortCommand, type CourseCommand } from '@sooc/cohorts-domain';
import { DomainError, type FieldProblem } from '@sooc/event-sourcing';
import { enrollmentDecider, enrollmentStream, type Dossier, type OfferSeat } from '@sooc/enrollment-domain';
// Specs run the handlers on the real in-memory adapter; production code never imports infra.
import { MemoryEventStore } from '@sooc/event-store';
import { CommandRunner, FixedClock, RequestContext, SoocCoreModule } from '@sooc/nest';
import { AcceptOfferCommand } from './accept-offer.command';
import { DeclineOfferCommand } from './decline-offer.command';
import { EnrollmentApplicationModule } from './enrollment-application.module';
import { SubmitApplicationCommand } from './submit-application.command';
import { WithdrawApplicationCommand } from './withdraw-application.command';

const dossier: Dossier = {
  motivation: 'I build event-sourced systems at work.',
  level: 'intermediate',
  companyId: 'acme',
  answers: { why: 'To learn with peers' },
  prerequisitesMet: ['typescript'],
};

async function failureOf(promise: Promise<unknown>): Promise<{ code: string; fields: readonly FieldProblem[] }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, fields: 'fields' in error ? (error.fields as FieldProblem[]) : [] };
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('enrollment command handlers', () => {
  let store: MemoryEventStore;
  let bus: CommandBus;
  let runner: CommandRunner;
  const clock = new FixedClock(new Date('2026-03-05T10:00:00Z'));
  const learner = { actor: { id: 'learner-1', role: 'learner' as const }, correlationId: 'corr-1' };

  const course = (command: Omit<CourseCommand, 'metadata'>, id = 'course-1') => runner.run(courseDecider, courseStream(id), command);
  const cohort = (command: Omit<CohortCommand, 'metadata'>, id = 'c-1') => runner.run(cohortDecider, cohortStream(id), command);

  /** A review-free cohort whose course asks for TypeScript; `open: false` leaves it planned. */
  async function givenCohort(cohortId: string, { open = true } = {}): Promise<void> {
    if ((await store.readStream(courseStream('course-1'))).length === 0) {
      await course({
        type: 'DraftCourse',
        data: {
          courseId: 'course-1',
          title: 'Event sourcing in practice',
          summary: 'Small groups, real systems.',
          topics: ['events'],
          language: 'en',
          prerequisites: ['TypeScript'],
          selectionPolicy: 'first-come',
          defaultCapacity: 20,
        },
      });
    }
    const window = { opensAt: '2026-03-01T00:00:00Z', closesAt: '2026-04-01T00:00:00Z' };
    const plan = { cohortId, courseId: 'course-1', title: 'Spring', capacity: 20, applicationWindow: window, startsOn: '2026-04-10', endsOn: '2026-06-30' };
    const courseState = await runner.load(courseDecider, courseStream('course-1'));
    await cohort({ type: 'PlanCohort', data: { ...plan, course: courseState } }, cohortId);
    if (open) await cohort({ type: 'OpenApplications', data: { cohortId } }, cohortId);
  }

  /** What the reactor does once the cohort reserved a seat. */
  async function offerSeat(cohortId: string, learnerId: string): Promise<void> {
    const data = { enrollmentId: `${cohortId}-${learnerId}`, cohortId, learnerId, expiresAt: '2026-03-08T10:00:00Z', promoted: false, reason: 'seat free' };
    const command: Omit<OfferSeat, 'metadata'> = { type: 'OfferSeat', data };
    await runner.run(enrollmentDecider, enrollmentStream(cohortId, learnerId), command);
  }

  const typesOf = async (cohortId: string, learnerId: string) => (await store.readStream(enrollmentStream(cohortId, learnerId))).map((e) => e.type);

  beforeEach(async () => {
    store = new MemoryEventStore();
    const moduleRef = await Test.createTestingModule({
      imports: [SoocCoreModule.forRoot({ eventStore: store, clock }), EnrollmentApplicationModule],
    }).compile();
    await moduleRef.init();
    bus = moduleRef.get(CommandBus);
    runner = moduleRef.get(CommandRunner);
  });

  it('submits an application to an open cohort, checks prerequisites case-insensitively, and stamps the caller', async () => {
    await givenCohort('c-1');
    const outcome = await RequestContext.run(learner, () => bus.execute(new SubmitApplicationCommand('c-1', 'l-1', dossier)));

    expect(outcome).toEqual({ position: await store.headPosition(), revision: 0n });
    const [submitted] = await store.readStream(enrollmentStream('c-1', 'l-1'));
    expect(submitted.type).toBe('ApplicationSubmitted');
    expect(submitted.data).toMatchObject({ enrollmentId: 'c-1-l-1', cohortId: 'c-1', learnerId: 'l-1', eligible: true, unmetPrerequisites: [], selectionPolicy: 'first-come' });
    expect(submitted.metadata).toMatchObject({ actor: learner.actor, correlationId: 'corr-1', occurredAt: '2026-03-05T10:00:00.000Z' });
  });

  it('records an application missing a prerequisite as ineligible', async () => {
    await givenCohort('c-1');
    await bus.execute(new SubmitApplicationCommand('c-1', 'l-2', { ...dossier, prerequisitesMet: [] }));
    const [submitted] = await store.readStream(enrollmentStream('c-1', 'l-2'));
    expect(submitted.data).toMatchObject({ eligible: false, unmetPrerequisites: ['TypeScript'] });
  });

  it('refuses the same learner twice, even with the same dossier, and writes nothing', async () => {
    await givenCohort('c-1');
    await bus.execute(new SubmitApplicationCommand('c-1', 'l-1', dossier));
    const head = await store.headPosition();
    expect((await failureOf(bus.execute(new SubmitApplicationCommand('c-1', 'l-1', dossier)))).code).toBe('ENROLLMENT.ALREADY_SUBMITTED');
    expect(await store.headPosition()).toBe(head);
  });

  it('refuses applications to a cohort that is not open, or unknown', async () => {
    await givenCohort('planned', { open: false });
    expect((await failureOf(bus.execute(new SubmitApplicationCommand('planned', 'l-1', dossier)))).code).toBe('ENROLLMENT.APPLICATIONS_CLOSED');
    expect((await failureOf(bus.execute(new SubmitApplicationCommand('nope', 'l-1', dossier)))).code).toBe('COHORT.NOT_FOUND');
    expect(await typesOf('planned', 'l-1')).toEqual([]);
  });

  it('refuses an invalid dossier with the fields to fix', async () => {
    await givenCohort('c-1');
    const failure = await failureOf(bus.execute(new SubmitApplicationCommand('c-1', 'l-1', { ...dossier, motivation: '   ' })));
    expect(failure.code).toBe('ENROLLMENT.DOSSIER_INVALID');
    expect(failure.fields.map((f) => f.field)).toEqual(['dossier.motivation']);
    expect(await typesOf('c-1', 'l-1')).toEqual([]);
  });

  it('withdraws an application once; a repeat changes nothing', async () => {
    await givenCohort('c-1');
    await bus.execute(new SubmitApplicationCommand('c-1', 'l-1', dossier));
    const first = await bus.execute(new WithdrawApplicationCommand('c-1', 'l-1', 'found another course'));
    const again = await bus.execute(new WithdrawApplicationCommand('c-1', 'l-1', null));

    expect(first.position).not.toBeNull();
    expect(again.position).toBeNull();
    const events = await store.readStream(enrollmentStream('c-1', 'l-1'));
    expect(events.map((e) => e.type)).toEqual(['ApplicationSubmitted', 'ApplicationWithdrawn']);
    expect(events[1].data).toMatchObject({ reason: 'found another course', from: 'submitted' });
    expect((await failureOf(bus.execute(new WithdrawApplicationCommand('c-1', 'ghost', null)))).code).toBe('ENROLLMENT.NOT_FOUND');
  });

  it('accepts an open offer, and refuses to accept without one', async () => {
    await givenCohort('c-1');
    await bus.execute(new SubmitApplicationCommand('c-1', 'l-1', dossier));
    expect((await failureOf(bus.execute(new AcceptOfferCommand('c-1', 'l-1')))).code).toBe('ENROLLMENT.NO_OPEN_OFFER');

    await offerSeat('c-1', 'l-1');
    await bus.execute(new AcceptOfferCommand('c-1', 'l-1'));
    expect(await typesOf('c-1', 'l-1')).toEqual(['ApplicationSubmitted', 'ApplicationAdmitted', 'SeatOffered', 'OfferAccepted']);
  });

  it('declines an open offer with its reason, and refuses once the offer expired', async () => {
    await givenCohort('c-1');
    await bus.execute(new SubmitApplicationCommand('c-1', 'l-1', dossier));
    await bus.execute(new SubmitApplicationCommand('c-1', 'l-2', dossier));
    await offerSeat('c-1', 'l-1');
    await offerSeat('c-1', 'l-2');

    await bus.execute(new DeclineOfferCommand('c-1', 'l-1', 'dates clash'));
    const [declined] = (await store.readStream(enrollmentStream('c-1', 'l-1'))).slice(-1);
    expect(declined).toMatchObject({ type: 'OfferDeclined', data: { reason: 'dates clash' } });

    clock.set(new Date('2026-03-09T00:00:00Z'));
    try {
      expect((await failureOf(bus.execute(new DeclineOfferCommand('c-1', 'l-2', null)))).code).toBe('ENROLLMENT.OFFER_EXPIRED');
    } finally {
      clock.set(new Date('2026-03-05T10:00:00Z'));
    }
  });

  it('writes one application when the same learner submits concurrently', async () => {
    await givenCohort('c-1');
    const attempts = await Promise.allSettled([1, 2, 3].map(() => bus.execute(new SubmitApplicationCommand('c-1', 'l-1', dossier))));
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    expect(await typesOf('c-1', 'l-1')).toEqual(['ApplicationSubmitted']);
  });
});
