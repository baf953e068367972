import { Module } from '@nestjs/common';
import { CohortAsOfReader } from './cohort-as-of.reader';
import { CohortHistoryResolver } from './cohort-history.resolver';
import { NodeModule } from '@sooc/graphql';
import { CohortDashboardResolver } from './cohort-dashboard.resolver';
import { CohortFillResolver } from './cohort-fill.resolver';
import { CohortSettingsResolver } from './cohort-settings.resolver';
import { CohortUpdatesPublisher } from './cohort-updates.publisher';
import { CohortUpdatesResolver } from './cohort-updates.resolver';
import { CohortsNodes } from './cohorts.nodes';
import { CohortsReader } from './cohorts.reader';
import { CohortsResolver } from './cohorts.resolver';
import { CoursesResolver } from './courses.resolver';
import { DashboardUpdatesPublisher } from './dashboard-updates.publisher';
import { DashboardUpdatesResolver } from './dashboard-updates.resolver';

/**
 * The cohorts GraphQL slice. Needs, once at the root: SoocCoreModule with a read db and a
 * ReadModelSync, and a GraphQLModule (it only contributes resolvers).
 */
@Module({
  imports: [NodeModule],
  providers: [
    CohortAsOfReader,
    CohortHistoryResolver,
    CohortsReader,
    CohortsNodes,
    CohortsResolver,
    CohortSettingsResolver,
    CoursesResolver,
    CohortUpdatesResolver,
    CohortUpdatesPublisher,
    CohortDashboardResolver,
    CohortFillResolver,
    DashboardUpdatesResolver,
    DashboardUpdatesPublisher,
  ],
})
export class CohortsApiModule {}
