import { Args, Resolver, Subscription } from '@nestjs/graphql';
import { cohortNotFound } from '@sooc/cohorts-domain';
import { CohortQueryArgs } from '@sooc/graphql';
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
    description:
      'The cohort as the read model shows it, after each change. Served over graphql-ws only. Its arguments are ' +
      'checked as the `cohort` query checks them (BAD_USER_INPUT), and an unknown cohort (after `consistentWith`) ' +
      'is refused at once with COHORT.NOT_FOUND.',
    // Nest binds `resolve` to this resolver; reading here gives every subscriber the committed row.
    resolve(this: CohortUpdatesResolver, [change]: CohortUpdate) {
      return this.reader.existingCohort(change.cohortId);
    },
  })
  async cohortUpdated(
    @Args() { cohortId, consistentWith }: CohortQueryArgs,
  ): Promise<AsyncIterableIterator<CohortUpdate>> {
    // The global validation pipe has checked the arguments; a subscription that could never emit is refused here.
    await this.reader.consistentWith(consistentWith);
    if (!(await this.reader.cohort(cohortId))) throw cohortNotFound(cohortId);
    return this.updates.updatesOf(cohortId);
  }
}
