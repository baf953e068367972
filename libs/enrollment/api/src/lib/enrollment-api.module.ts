import { Module } from '@nestjs/common';
import { ApplicationsResolver } from './applications.resolver';
import { CohortDashboardResolver } from './cohort-dashboard.resolver';
import { DashboardUpdatesPublisher } from './dashboard-updates.publisher';
import { DashboardUpdatesResolver } from './dashboard-updates.resolver';
import { EnrollmentReader } from './enrollment.reader';

/**
 * The enrollment GraphQL slice. Needs, once at the root: SoocCoreModule with a read db (migrated
 * with `enrollmentMigrations`, filled by `enrollmentProjections`) and a ReadModelSync, and a
 * GraphQLModule (it only contributes resolvers).
 */
@Module({
  providers: [
    EnrollmentReader,
    ApplicationsResolver,
    CohortDashboardResolver,
    DashboardUpdatesResolver,
    DashboardUpdatesPublisher,
  ],
})
export class EnrollmentApiModule {}
