import { Args, ID, Int, Resolver, Subscription } from '@nestjs/graphql';
import { CohortDashboard } from './cohort-dashboard.type';
import { DashboardUpdate, DashboardUpdatesPublisher } from './dashboard-updates.publisher';
import { EnrollmentReader } from './enrollment.reader';

const WAITLIST_SHOWN = 100;

@Resolver(() => CohortDashboard)
export class DashboardUpdatesResolver {
  constructor(
    private readonly updates: DashboardUpdatesPublisher,
    private readonly reader: EnrollmentReader,
  ) {}

  @Subscription(() => CohortDashboard, {
    nullable: true,
    description: "The cohort's dashboard after each committed change that touches it",
    // Nest binds `resolve` to this resolver; reading at push time gives every subscriber the committed state.
    resolve(this: DashboardUpdatesResolver, [change]: DashboardUpdate, args: { waitlistFirst?: number }) {
      return this.reader.dashboard(change.cohortId, args.waitlistFirst ?? WAITLIST_SHOWN);
    },
  })
  cohortDashboardUpdated(
    @Args('cohortId', { type: () => ID }) cohortId: string,
    @Args('waitlistFirst', { type: () => Int, defaultValue: WAITLIST_SHOWN }) _waitlistFirst: number,
  ): AsyncIterableIterator<DashboardUpdate> {
    return this.updates.updatesOf(cohortId);
  }
}
