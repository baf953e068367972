import { randomUUID } from 'node:crypto';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { cohortDecider, cohortStream } from '@sooc/cohorts-domain';
import { MUTATION_INPUT, withDeferredFields } from '@sooc/graphql';
import { CommandRunner } from '@sooc/nest';
import { CohortDashboard } from './cohort-dashboard.type';
import { CohortGroups } from './cohort-groups.type';
import { CohortQueryArgs } from '@sooc/graphql';
import { CohortDashboardArgs } from './cohort-dashboard.args';
import { FormGroupsInput } from './form-groups.input';
import { CohortsReader } from './cohorts.reader';
import { FormGroupsPayload } from './payloads.type';

@Resolver(() => CohortDashboard)
export class CohortDashboardResolver {
  constructor(
    private readonly commands: CommandRunner,
    private readonly reader: CohortsReader,
  ) {}

  @Query(() => CohortDashboard, {
    nullable: true,
    description:
      "A cohort's seats, waitlist, applications per status and per company, and settings, for admins; null when the cohort is unknown",
  })
  async cohortDashboard(
    @Args() { cohortId, waitlistFirst, waitlistAfter, consistentWith }: CohortDashboardArgs,
  ): Promise<CohortDashboard | null> {
    await this.reader.consistentWith(consistentWith);
    return this.reader.dashboard(cohortId, waitlistFirst, waitlistAfter);
  }

  @Query(() => CohortGroups, {
    nullable: true,
    description: "The cohort's latest group formation, for facilitators; null until groups are formed",
  })
  async groups(@Args() { cohortId, consistentWith }: CohortQueryArgs): Promise<CohortGroups | null> {
    await this.reader.consistentWith(consistentWith);
    return this.reader.groups(cohortId);
  }

  @Mutation(() => FormGroupsPayload, {
    description:
      "Forms (or re-forms) small groups of the cohort's confirmed learners, balanced across companies and levels",
  })
  async formGroups(
    @Args('input', MUTATION_INPUT) { cohortId, targetSize, seed }: FormGroupsInput,
  ): Promise<FormGroupsPayload> {
    const data = { cohortId, targetSize: targetSize ?? null, seed: seed ?? randomUUID() };
    const result = await this.commands.run(cohortDecider, cohortStream(cohortId), { type: 'FormGroups', data });
    // The groups are a read model's view of the formation: the payload waits for it only if asked.
    return withDeferredFields<FormGroupsPayload>({ position: result.position }, ['groups'], async () => {
      await this.reader.afterWrite(result);
      return { groups: await this.reader.existingGroups(cohortId), position: result.position };
    });
  }
}
