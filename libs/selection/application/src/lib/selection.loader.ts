import { Injectable } from '@nestjs/common';
import { cohortDecider, cohortStream, requireCohort, type ExistingCohort } from '@sooc/cohorts-domain';
import { enrollmentDecider, enrollmentStream } from '@sooc/enrollment-domain';
import { CommandRunner } from '@sooc/nest';
import type { ApplicationSnapshot } from '@sooc/selection-domain';
import { applicationSnapshot } from './application.snapshot';

/**
 * Reads the other aggregates a selection command depends on, fresh from the event store: the
 * cohort (its policy and seats) and the application (its status, company and level).
 */
@Injectable()
export class SelectionLoader {
  constructor(private readonly runner: CommandRunner) {}

  /** A selection round only exists for a cohort that does: COHORT.NOT_FOUND otherwise. */
  async cohort(cohortId: string): Promise<ExistingCohort> {
    return requireCohort(await this.runner.load(cohortDecider, cohortStream(cohortId)), cohortId);
  }

  async application(cohortId: string, learnerId: string): Promise<ApplicationSnapshot | null> {
    return applicationSnapshot(await this.runner.load(enrollmentDecider, enrollmentStream(cohortId, learnerId)));
  }
}
