import { randomUUID } from 'node:crypto';
import {
  cohortDecider,
  cohortStream,
  courseDecider,
  courseStream,
  type CohortCommand,
  type CohortState,
} from '@sooc/cohorts-domain';
import {
  enrollmentDecider,
  enrollmentIdOf,
  enrollmentStream,
  type EnrollmentCommand,
  type EnrollmentState,
} from '@sooc/enrollment-domain';
import { fold, handleCommand, type Actor, type EventStore } from '@sooc/event-sourcing';

export const ADMIN: Actor = { id: 'admin-1', role: 'admin' };

export interface FirstComeCohort {
  readonly cohortId: string;
  readonly capacity: number;
  readonly offerTtlHours: number;
}

/**
 * Writes what the gateway's handlers would: the real deciders through handleCommand, each
 * command with its own correlation, at the given instant.
 */
export class Seeder {
  constructor(
    private readonly store: EventStore,
    private readonly now: () => Date,
  ) {}

  private context(actor: Actor) {
    return { actor, correlationId: randomUUID(), causationId: null, now: this.now };
  }

  cohort(command: Omit<CohortCommand, 'metadata'>) {
    return handleCommand(this.store, cohortDecider, cohortStream(command.data.cohortId), command, this.context(ADMIN));
  }

  enrollment(command: Omit<EnrollmentCommand, 'metadata'>, actor: Actor) {
    return handleCommand(
      this.store,
      enrollmentDecider,
      enrollmentStream(command.data.cohortId, command.data.learnerId),
      command,
      this.context(actor),
    );
  }

  /** A first-come course and an open cohort of it, its window around `now`. */
  async openCohort({ cohortId, capacity, offerTtlHours }: FirstComeCohort): Promise<void> {
    const courseId = `course-${cohortId}`;
    const course = await handleCommand(
      this.store,
      courseDecider,
      courseStream(courseId),
      {
        type: 'DraftCourse',
        data: {
          courseId,
          title: 'Event sourcing in small groups',
          summary: '',
          topics: ['es'],
          language: 'en',
          prerequisites: [],
          selectionPolicy: 'first-come',
          defaultCapacity: capacity,
        },
      },
      this.context(ADMIN),
    );
    const day = 86_400_000;
    const t = this.now().getTime();
    const iso = (ms: number) => new Date(ms).toISOString();
    await this.cohort({
      type: 'PlanCohort',
      data: {
        cohortId,
        courseId,
        title: `Cohort ${cohortId}`,
        capacity,
        applicationWindow: { opensAt: iso(t - day), closesAt: iso(t + 20 * day) },
        startsOn: iso(t + 30 * day).slice(0, 10),
        endsOn: iso(t + 90 * day).slice(0, 10),
        course: course.state,
      },
    });
    await this.cohort({ type: 'ConfigureCohort', data: { cohortId, changes: { offerTtlHours } } });
    await this.cohort({ type: 'OpenApplications', data: { cohortId } });
  }

  async submit(cohortId: string, learnerId: string): Promise<void> {
    await this.submitAll(cohortId, [learnerId]);
  }

  /**
   * Reads the cohort once, then submits one after another in the given order, or `together` as a
   * crowd would: all at once, arriving in whatever order the store takes them.
   */
  async submitAll(cohortId: string, learnerIds: readonly string[], { together = false } = {}): Promise<void> {
    const cohort = fold(cohortDecider, (await this.store.readStream(cohortStream(cohortId))) as never) as CohortState;
    if (cohort.status === 'none') throw new Error(`cohort ${cohortId} is not planned`);
    const submit = (learnerId: string) =>
      this.enrollment(
        {
          type: 'SubmitApplication',
          data: {
            enrollmentId: enrollmentIdOf(cohortId, learnerId),
            cohortId,
            learnerId,
            dossier: {
              name: null,
              email: null,
              motivation: 'Learning with peers',
              level: 'intermediate',
              companyId: null,
              shareWithCompany: false,
              answers: {},
              prerequisitesMet: [],
            },
            cohort: {
              status: cohort.status,
              selectionPolicy: cohort.selectionPolicy,
              prerequisites: [],
              sessions: cohort.settings.sessions,
              applicationWindow: cohort.applicationWindow,
            },
          },
        },
        { id: learnerId, role: 'learner' },
      );
    if (together) await Promise.all(learnerIds.map(submit));
    else for (const learnerId of learnerIds) await submit(learnerId);
  }

  async enrollmentState(cohortId: string, learnerId: string): Promise<EnrollmentState> {
    return fold(enrollmentDecider, (await this.store.readStream(enrollmentStream(cohortId, learnerId))) as never);
  }
}
