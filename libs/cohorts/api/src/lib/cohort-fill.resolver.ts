import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { mayReadDashboard } from '@sooc/auth';
import { findCohortFills, type CohortFillView, type CohortsReadDb } from '@sooc/cohorts-read-models';
import { READ_DB, RequestBatchLoader, RequestContext } from '@sooc/nest';
import { CohortFill } from './cohort-fill.type';
import { Cohort } from './cohort.type';

/**
 * `Cohort.fill`: the cohorts table shows each row's seats and waitlist in the same request as the
 * list. The fills a page asks for are read in one statement (RequestBatchLoader), not one per row.
 */
@Resolver(() => Cohort)
export class CohortFillResolver {
  private readonly fills: RequestBatchLoader<CohortFillView>;

  constructor(@Inject(READ_DB) db: CohortsReadDb) {
    this.fills = new RequestBatchLoader((cohortIds) => findCohortFills(db, cohortIds));
  }

  @ResolveField(() => CohortFill, {
    nullable: true,
    description:
      "The cohort's seats and waitlist length, as its dashboard counts them, for those who may read its dashboard (admins, compliance, the cohort's facilitators); null for everyone else, and while the dashboard does not have the cohort yet",
  })
  async fill(@Parent() cohort: Cohort): Promise<CohortFill | null> {
    // A field rule, not a refusal: the list stays readable by all, the seats only by those who run cohorts.
    if (!mayReadDashboard(RequestContext.current().principal, cohort.cohortId)) return null;
    const fill = await this.fills.get(cohort.cohortId);
    return fill && { ...fill };
  }
}
