import { FixedClock } from '@sooc/timing';
import {
  cohortDecider,
  cohortStream,
  courseDecider,
  courseStream,
  type CohortCommand,
  type CourseCommand,
} from '@sooc/cohorts-domain';
import { DomainError, type FieldProblem } from '@sooc/event-sourcing';
import {
  enrollmentDecider,
  enrollmentIdOf,
  enrollmentStream,
  type Dossier,
  type EnrollmentCommand,
} from '@sooc/enrollment-domain';
import { MemoryEventStore } from '@sooc/event-store';
import { CommandRunner } from '@sooc/nest';

export const DOSSIER: Dossier = {
  name: 'Ada Lovelace',
  email: 'ada@example.org',
  motivation: 'I build event-sourced systems at work.',
  level: 'intermediate',
  companyId: 'acme',
  shareWithCompany: false,
  answers: { why: 'To learn with peers' },
  prerequisitesMet: ['typescript'],
};

export const NOW = new Date('2026-03-05T10:00:00Z');

export async function failureOf(promise: Promise<unknown>): Promise<{ code: string; fields: readonly FieldProblem[] }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError)
      return { code: error.code, fields: 'fields' in error ? (error.fields as FieldProblem[]) : [] };
    throw error;
  }
  throw new Error('expected a DomainError');
}

/**
 * The enrollment handlers on a real in-memory store, plus what the rest of the system would do
 * around them (courses and cohorts planned, the reactor's seat moves) written straight through
 * the deciders. Specs only; production code never imports infra.
 */
export class EnrollmentWorld {
  readonly store = new MemoryEventStore();
  readonly clock = new FixedClock(NOW);
  readonly runner = new CommandRunner(this.store, this.clock);

  static async start(): Promise<EnrollmentWorld> {
    return new EnrollmentWorld();
  }

  course(command: Omit<CourseCommand, 'metadata'>, courseId = 'course-1') {
    return this.runner.run(courseDecider, courseStream(courseId), command);
  }

  cohort(cohortId: string, command: Omit<CohortCommand, 'metadata'>) {
    return this.runner.run(cohortDecider, cohortStream(cohortId), command);
  }

  enrollment(cohortId: string, learnerId: string, command: Omit<EnrollmentCommand, 'metadata'>) {
    return this.runner.run(enrollmentDecider, enrollmentStream(cohortId, learnerId), command);
  }

  /** A first-come cohort whose course asks for TypeScript; `open: false` leaves it planned. */
  async givenCohort(cohortId: string, { open = true } = {}): Promise<void> {
    if ((await this.store.readStream(courseStream('course-1'))).length === 0) {
      const data = {
        courseId: 'course-1',
        title: 'Event sourcing in practice',
        summary: 'Small groups, real systems.',
        topics: ['events'],
        language: 'en',
        prerequisites: ['TypeScript'],
        selectionPolicy: 'first-come' as const,
        defaultCapacity: 20,
      };
      await this.course({ type: 'DraftCourse', data });
    }
    const window = { opensAt: '2026-03-01T00:00:00Z', closesAt: '2026-04-01T00:00:00Z' };
    const plan = {
      cohortId,
      courseId: 'course-1',
      title: 'Spring',
      capacity: 20,
      applicationWindow: window,
      startsOn: '2026-04-10',
      endsOn: '2026-06-30',
    };
    const course = await this.runner.load(courseDecider, courseStream('course-1'));
    await this.cohort(cohortId, { type: 'PlanCohort', data: { ...plan, course } });
    if (open) await this.cohort(cohortId, { type: 'OpenApplications', data: { cohortId } });
  }

  /** What the reactor does once the cohort reserved a seat. */
  async offerSeat(cohortId: string, learnerId: string): Promise<void> {
    const ref = { enrollmentId: enrollmentIdOf(cohortId, learnerId), cohortId, learnerId };
    await this.enrollment(cohortId, learnerId, {
      type: 'OfferSeat',
      data: { ...ref, expiresAt: '2026-03-08T10:00:00Z', promoted: false, reason: 'seat free' },
    });
  }

  /** Seat reserved, offered, accepted and confirmed, as the reactor and the learner would do it. */
  async givenEnrolled(cohortId: string, learnerId: string, dossier: Dossier): Promise<void> {
    const enrollmentId = enrollmentIdOf(cohortId, learnerId);
    const applicant = { enrollmentId, learnerId, companyId: dossier.companyId, level: dossier.level };
    await this.cohort(cohortId, { type: 'AdmitApplicant', data: { cohortId, applicant, score: null } });
    await this.offerSeat(cohortId, learnerId);
    await this.enrollment(cohortId, learnerId, { type: 'AcceptOffer', data: { enrollmentId, cohortId, learnerId } });
    await this.cohort(cohortId, { type: 'ConfirmSeat', data: { cohortId, enrollmentId } });
  }

  async startCohort(cohortId: string): Promise<void> {
    await this.cohort(cohortId, { type: 'CloseApplications', data: { cohortId } });
    await this.cohort(cohortId, { type: 'StartCohort', data: { cohortId } });
  }

  async typesOf(streamId: string): Promise<string[]> {
    return (await this.store.readStream(streamId)).map((e) => e.type);
  }
}
