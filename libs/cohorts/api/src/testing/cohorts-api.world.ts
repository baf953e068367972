import { cohortDecider, cohortStream, type CohortCommand } from '@sooc/cohorts-domain';
import { givenOpenCohort } from '@sooc/cohorts-domain/testing';
import { cohortsMigrations, cohortsProjections } from '@sooc/cohorts-read-models';
import { enrollmentDecider, enrollmentStream, type EnrollmentCommand } from '@sooc/enrollment-domain';
import { ApiWorld } from '@sooc/graphql/testing';
import { CohortsApiModule } from '../lib/cohorts-api.module';

export { ADMIN, type GraphQLResult } from '@sooc/graphql/testing';

/**
 * The cohorts API over its own read models (see ApiWorld). Enrollments are written through the
 * enrollment decider (or as its events) directly: this context's API does not own them.
 */
export class CohortsApiWorld extends ApiWorld {
  static start(): Promise<CohortsApiWorld> {
    return new CohortsApiWorld().open({
      module: CohortsApiModule,
      migrations: [cohortsMigrations],
      projections: cohortsProjections,
    });
  }

  cohort(cohortId: string, command: Omit<CohortCommand, 'metadata'>) {
    return this.commands.run(cohortDecider, cohortStream(cohortId), command);
  }

  /** Another context's aggregate, run through its own decider as its API would. */
  enrollment(cohortId: string, learnerId: string, command: Omit<EnrollmentCommand, 'metadata'>) {
    return this.commands.run(enrollmentDecider, enrollmentStream(cohortId, learnerId), command);
  }

  /** An open cohort of a course asking for TypeScript; returns its id. */
  givenOpenCohort(selectionPolicy: 'first-come' | 'review' = 'review'): Promise<string> {
    return givenOpenCohort(this.commands, selectionPolicy);
  }
}
