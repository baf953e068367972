import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import {
  capacityWarnings,
  cohortDecider,
  cohortStream,
  type CohortCommand,
  type CohortSettings,
} from '@sooc/cohorts-domain';
import { CommandRunner } from '@sooc/nest';
import { cohortFromWrite } from './cohort-payload.mapper';
import { CohortIdArgs } from './cohort-id.args';
import { CancelCohortArgs, ChangeCapacityArgs, SetCompanyQuotaArgs } from './cohort-settings.args';
import { CohortSettingsInput } from './cohort-settings.input';
import { Cohort } from './cohort.type';
import { CohortsReader } from './cohorts.reader';
import { IdArgPipe } from '@sooc/graphql';
import { CohortPayload } from './payloads.type';

/** A GraphQL null means "leave it as it is", like an omitted field: the command carries only real changes. */
function changesOf(input: CohortSettingsInput): Partial<CohortSettings> {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== null && value !== undefined),
  ) as Partial<CohortSettings>;
}

/** Settings and lifecycle of a planned cohort: each mutation is one cohort command. */
@Resolver(() => Cohort)
export class CohortSettingsResolver {
  constructor(
    private readonly commands: CommandRunner,
    private readonly reader: CohortsReader,
  ) {}

  @Mutation(() => CohortPayload, {
    description: 'Dedicates seats to a company (a guarantee and a cap); 0 removes the quota',
  })
  setCompanyQuota(@Args() { cohortId, companyId, seats }: SetCompanyQuotaArgs): Promise<CohortPayload> {
    return this.write({ type: 'SetCompanyQuota', data: { cohortId, companyId, seats } });
  }

  @Mutation(() => CohortPayload, { description: 'Never below the seats taken; warns outside 10..100' })
  changeCapacity(@Args() { cohortId, capacity }: ChangeCapacityArgs): Promise<CohortPayload> {
    return this.write({ type: 'ChangeCapacity', data: { cohortId, capacity } }, capacityWarnings(capacity));
  }

  @Mutation(() => CohortPayload)
  configureCohort(
    @Args('cohortId', { type: () => ID }, new IdArgPipe('cohortId')) cohortId: string,
    @Args('input') input: CohortSettingsInput,
  ): Promise<CohortPayload> {
    return this.write({ type: 'ConfigureCohort', data: { cohortId, changes: changesOf(input) } });
  }

  @Mutation(() => CohortPayload)
  startCohort(@Args() { cohortId }: CohortIdArgs): Promise<CohortPayload> {
    return this.write({ type: 'StartCohort', data: { cohortId } });
  }

  @Mutation(() => CohortPayload)
  completeCohort(@Args() { cohortId }: CohortIdArgs): Promise<CohortPayload> {
    return this.write({ type: 'CompleteCohort', data: { cohortId } });
  }

  @Mutation(() => CohortPayload)
  cancelCohort(@Args() { cohortId, reason }: CancelCohortArgs): Promise<CohortPayload> {
    return this.write({ type: 'CancelCohort', data: { cohortId, reason } });
  }

  private async write(command: Omit<CohortCommand, 'metadata'>, warnings: string[] = []): Promise<CohortPayload> {
    const { cohortId } = command.data;
    const result = await this.commands.run(cohortDecider, cohortStream(cohortId), command);
    return { cohort: cohortFromWrite(result, this.reader), position: result.position, warnings };
  }
}
