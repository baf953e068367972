import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { CohortUpdate, CohortUpdatesPublisher } from './cohort-updates.publisher';
import { Cohort } from './cohort.type';
import { CohortsReader } from './cohorts.reader';

@Resolver(() => Cohort)
export class CohortUpdatesResolver {
  constructor(
    private readonly updates: CohortUpdatesPublisher,
    private readonly reader: CohortsReader,
  ) {}

  @Subscription(() => Cohort, {
    description: 'The cohort as the read model shows it, after each change',
    // Nest binds `resolve` to this resolver; reading here gives every subscriber the committed row.
    resolve(this: CohortUpdatesResolver, [change]: CohortUpdate) {
      return this.reader.existingCohort(change.cohortId);
    },
  })
  cohortUpdated(@Args('id', { type: () => ID }) id: string): AsyncIterableIterator<CohortUpdate> {
    return this.updates.updatesOf(id);
  }
}
