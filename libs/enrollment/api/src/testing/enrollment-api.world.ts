import { cohortDecider, cohortStream, type CohortCommand } from '@sooc/cohorts-domain';
import { givenOpenCohort } from '@sooc/cohorts-domain/testing';
import { enrollmentMigrations, enrollmentProjections } from '@sooc/enrollment-read-models';
import { ApiWorld } from '@sooc/graphql/testing';
import { selectionMigrations, selectionProjections } from '@sooc/selection-read-models';
import { EnrollmentApiModule } from '../lib/enrollment-api.module';

export { ADMIN, REVIEWER, type GraphQLResult } from '@sooc/graphql/testing';

/**
 * The enrollment API over its read models (see ApiWorld). Cohorts are planned through the cohort
 * decider directly: this context's API does not own them. The selection's rubrics are projected
 * too: blind review asks them whether a cohort reviews blind.
 */
export class EnrollmentApiWorld extends ApiWorld {
  static start(): Promise<EnrollmentApiWorld> {
    return new EnrollmentApiWorld().open({
      module: EnrollmentApiModule,
      migrations: [enrollmentMigrations, selectionMigrations],
      projections: [...enrollmentProjections, ...selectionProjections],
    });
  }

  cohort(cohortId: string, command: Omit<CohortCommand, 'metadata'>) {
    return this.commands.run(cohortDecider, cohortStream(cohortId), command);
  }

  /** An open cohort of a course asking for TypeScript; returns its id. */
  givenOpenCohort(selectionPolicy: 'first-come' | 'review' = 'review'): Promise<string> {
    return givenOpenCohort(this.commands, selectionPolicy);
  }
}
