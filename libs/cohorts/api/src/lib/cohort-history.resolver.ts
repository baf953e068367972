import { Args, Query, Resolver } from '@nestjs/graphql';
import { CohortAsOfArgs } from './cohort-as-of.args';
import { CohortAsOfReader } from './cohort-as-of.reader';
import { CohortAsOf } from './cohort-as-of.type';

/** A cohort's past, from its events: what a compliance officer asks about a date. */
@Resolver(() => CohortAsOf)
export class CohortHistoryResolver {
  constructor(private readonly history: CohortAsOfReader) {}

  @Query(() => CohortAsOf, {
    nullable: true,
    description:
      'The cohort as it stood at an instant or a position: roster, waitlist in order, seats per company, settings, groups, status; null when it did not exist yet',
  })
  async cohortAsOf(@Args() { cohortId, at }: CohortAsOfArgs): Promise<CohortAsOf | null> {
    return this.history.cohortAsOf(cohortId, at);
  }
}
