import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CohortsApplicationModule } from '@sooc/cohorts-application';
import { CohortSettingsResolver } from './cohort-settings.resolver';
import { CohortUpdatesPublisher } from './cohort-updates.publisher';
import { CohortUpdatesResolver } from './cohort-updates.resolver';
import { CohortsReader } from './cohorts.reader';
import { CohortsResolver } from './cohorts.resolver';
import { CoursesResolver } from './courses.resolver';

/**
 * The cohorts GraphQL slice. Needs, once at the root: SoocCoreModule with a read db and a
 * ReadModelSync, and a GraphQLModule (it only contributes resolvers).
 */
@Module({
  imports: [CqrsModule, CohortsApplicationModule],
  providers: [
    CohortsReader,
    CohortsResolver,
    CohortSettingsResolver,
    CoursesResolver,
    CohortUpdatesResolver,
    CohortUpdatesPublisher,
  ],
})
export class CohortsApiModule {}
