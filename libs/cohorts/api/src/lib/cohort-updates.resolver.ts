import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { CohortChanged, CohortUpdatesPublisher } from './cohort-updates.publisher';
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
    resolve(this: CohortUpdatesResolver, payload: CohortChanged) {
      return this.reader.existingCohort(payload.cohortId);
    },
  })
  cohortUpdated(@Args('id', { type: () => ID }) id: string): AsyncIterableIterator<CohortChanged> {
    return this.updates.updatesOf(id);
  }
}
