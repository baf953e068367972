import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CloseApplicationsHandler } from './close-applications.handler';
import { DraftCourseHandler } from './draft-course.handler';
import { OpenApplicationsHandler } from './open-applications.handler';
import { PlanCohortHandler } from './plan-cohort.handler';

/** The cohort command handlers. Needs SoocCoreModule (store, clock, CommandRunner) imported once at the root. */
@Module({
  imports: [CqrsModule],
  providers: [DraftCourseHandler, PlanCohortHandler, OpenApplicationsHandler, CloseApplicationsHandler],
})
export class CohortsApplicationModule {}
