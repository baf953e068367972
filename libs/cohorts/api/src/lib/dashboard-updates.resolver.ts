import { Args, Resolver, Subscription } from '@nestjs/graphql';
import { cohortNotFound } from '@sooc/cohorts-domain/published';
import { CohortDashboard } from './cohort-dashboard.type';
import { DashboardUpdate, DashboardUpdatesPublisher } from './dashboard-updates.publisher';
import { CohortDashboardArgs } from './cohort-dashboard.args';
import { CohortsReader } from './cohorts.reader';

@Resolver(() => CohortDashboard)
export class DashboardUpdatesResolver {
  constructor(
    private readonly updates: DashboardUpdatesPublisher,
    private readonly reader: CohortsReader,
  ) {}

  @Subscription(() => CohortDashboard, {
    nullable: true,
    description:
      "The cohort's dashboard after each committed change that touches it. Served over graphql-ws only. Its " +
      'arguments are checked as the `cohortDashboard` query checks them (BAD_USER_INPUT with `fields`), and an ' +
      'unknown cohort (after `consistentWith`) is refused at once with COHORT.NOT_FOUND.',
    // Nest binds `resolve` to this resolver; reading at push time gives every subscriber the committed state.
    resolve(
      this: DashboardUpdatesResolver,
      [change]: DashboardUpdate,
      args: { waitlistFirst: number; waitlistAfter: number },
    ) {
      return this.reader.dashboard(change.cohortId, args.waitlistFirst, args.waitlistAfter);
    },
  })
  async cohortDashboardUpdated(
    @Args() { cohortId, consistentWith }: CohortDashboardArgs,
  ): Promise<AsyncIterableIterator<DashboardUpdate>> {
    // The global validation pipe has checked the arguments; a subscription that could never emit is refused here.
    await this.reader.consistentWith(consistentWith);
    if (!(await this.reader.dashboard(cohortId, 1))) throw cohortNotFound(cohortId);
    return this.updates.updatesOf(cohortId);
  }
}
