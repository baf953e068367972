import { Args, Query, Resolver } from '@nestjs/graphql';
import { CohortQueryArgs } from '@sooc/graphql';
import { Rubric } from './rubric.type';
import { SelectionReader } from './selection.reader';

/** Selection reads: the read models the selection projects. */
@Resolver(() => Rubric)
export class RubricsResolver {
  constructor(private readonly reader: SelectionReader) {}

  @Query(() => Rubric, { nullable: true, description: "The cohort's current rubric; null before its first definition" })
  async rubric(@Args() { cohortId, consistentWith }: CohortQueryArgs): Promise<Rubric | null> {
    await this.reader.consistentWith(consistentWith);
    return this.reader.rubric(cohortId);
  }
}
