import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CancelCohortHandler } from './cancel-cohort.handler';
import { ChangeCapacityHandler } from './change-capacity.handler';
import { CloseApplicationsHandler } from './close-applications.handler';
import { CompleteCohortHandler } from './complete-cohort.handler';
import { ConfigureCohortHandler } from './configure-cohort.handler';
import { DraftCourseHandler } from './draft-course.handler';
import { OpenApplicationsHandler } from './open-applications.handler';
import { PlanCohortHandler } from './plan-cohort.handler';
import { SetCompanyQuotaHandler } from './set-company-quota.handler';
import { StartCohortHandler } from './start-cohort.handler';

/** The cohort command handlers. Needs SoocCoreModule (store, clock, CommandRunner) imported once at the root. */
@Module({
  imports: [CqrsModule],
  providers: [
    DraftCourseHandler,
    PlanCohortHandler,
    OpenApplicationsHandler,
    CloseApplicationsHandler,
    ConfigureCohortHandler,
    SetCompanyQuotaHandler,
    ChangeCapacityHandler,
    StartCohortHandler,
    CompleteCohortHandler,
    CancelCohortHandler,
  ],
})
export class CohortsApplicationModule {}
