import {
  cohortDecider,
  cohortStream,
  type CohortCommand,
  type CourseState,
  type SelectionPolicy,
} from '@sooc/cohorts-domain';
import { enrollmentDecider, enrollmentIdOf, enrollmentStream, type EnrollmentCommand } from '@sooc/enrollment-domain';
import { RequestContext, type CommandRunner } from '@sooc/nest';

const ADMIN = RequestContext.as({ id: 'admin-1', role: 'admin' }, 'fixture');

/**
 * Cohorts and applications written by the real cohort and enrollment deciders, as their own
 * handlers would: selection handlers then read them from the store like in production.
 */
export class SelectionWorld {
  constructor(private readonly runner: CommandRunner) {}

  /** A cohort open for applications, of a course with the given policy. */
  async openCohort(cohortId: string, selectionPolicy: SelectionPolicy, capacity = 30): Promise<void> {
    const course: CourseState = {
      status: 'drafted',
      courseId: `course-${cohortId}`,
      title: 'Event sourcing in practice',
      summary: 'Small groups, real systems.',
      topics: ['events'],
      language: 'en',
      prerequisites: [],
      selectionPolicy,
      defaultCapacity: capacity,
    };
    const applicationWindow = { opensAt: '2026-03-01T00:00:00Z', closesAt: '2026-04-01T00:00:00Z' };
    const plan = {
      cohortId,
      courseId: course.courseId,
      title: 'Spring',
      capacity,
      applicationWindow,
      startsOn: '2026-04-10',
      endsOn: '2026-06-30',
      course,
    };
    await this.cohort(cohortId, { type: 'PlanCohort', data: plan });
    await this.cohort(cohortId, { type: 'OpenApplications', data: { cohortId } });
  }

  async setQuota(cohortId: string, companyId: string, seats: number): Promise<void> {
    await this.cohort(cohortId, { type: 'SetCompanyQuota', data: { cohortId, companyId, seats } });
  }

  async apply(
    cohortId: string,
    learnerId: string,
    companyId: string | null = null,
    selectionPolicy: SelectionPolicy = 'review',
  ): Promise<void> {
    const command: Omit<EnrollmentCommand, 'metadata'> = {
      type: 'SubmitApplication',
      data: {
        enrollmentId: enrollmentIdOf(cohortId, learnerId),
        cohortId,
        learnerId,
        dossier: {
          name: null,
          email: null,
          motivation: 'I build event-sourced systems at work.',
          level: 'intermediate',
          companyId,
          shareWithCompany: false,
          answers: {},
          prerequisitesMet: [],
        },
        cohort: {
          status: 'open',
          selectionPolicy,
          prerequisites: [],
          sessions: 10,
          applicationWindow: { opensAt: '2026-03-01T00:00:00Z', closesAt: '2026-04-01T00:00:00Z' },
        },
      },
    };
    await RequestContext.run(ADMIN, () =>
      this.runner.run(enrollmentDecider, enrollmentStream(cohortId, learnerId), command),
    );
  }

  private async cohort(cohortId: string, command: Omit<CohortCommand, 'metadata'>): Promise<void> {
    await RequestContext.run(ADMIN, () => this.runner.run(cohortDecider, cohortStream(cohortId), command));
  }
}
