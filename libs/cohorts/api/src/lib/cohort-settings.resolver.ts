import { MUTATION_INPUT } from '@sooc/graphql';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import {
  capacityWarnings,
  cohortDecider,
  cohortStream,
  type CohortCommand,
  type CohortSettings,
} from '@sooc/cohorts-domain';
import { CommandRunner } from '@sooc/nest';
import { cohortFromWrite } from './cohort-payload.mapper';
import {
  CancelCohortInput,
  ChangeCapacityInput,
  CompleteCohortInput,
  SetCompanyQuotaInput,
  StartCohortInput,
} from './cohort-commands.input';
import { ConfigureCohortInput } from './cohort-settings.input';
import { Cohort } from './cohort.type';
import { CohortsReader } from './cohorts.reader';
import {
  CancelCohortPayload,
  ChangeCapacityPayload,
  CohortPayload,
  CompleteCohortPayload,
  ConfigureCohortPayload,
  SetCompanyQuotaPayload,
  StartCohortPayload,
} from './payloads.type';

/** A GraphQL null means "leave it as it is", like an omitted field: the command carries only real changes. */
function changesOf(input: Omit<ConfigureCohortInput, 'cohortId'>): Partial<CohortSettings> {
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

  @Mutation(() => SetCompanyQuotaPayload, {
    description: "Dedicates seats to a company (a guarantee and a cap on its employees' seats); 0 removes the quota",
  })
  setCompanyQuota(
    @Args('input', MUTATION_INPUT) { cohortId, companyId, seats }: SetCompanyQuotaInput,
  ): Promise<SetCompanyQuotaPayload> {
    return this.write({ type: 'SetCompanyQuota', data: { cohortId, companyId, seats } });
  }

  @Mutation(() => ChangeCapacityPayload, {
    description: 'Changes the number of seats: never below the seats taken; warns outside 10..100',
  })
  changeCapacity(
    @Args('input', MUTATION_INPUT) { cohortId, capacity }: ChangeCapacityInput,
  ): Promise<ChangeCapacityPayload> {
    return this.write({ type: 'ChangeCapacity', data: { cohortId, capacity } }, capacityWarnings(capacity));
  }

  @Mutation(() => ConfigureCohortPayload, {
    description: "Changes the cohort's settings (facilitators, offer lifetime, group size, waitlist order, sessions)",
  })
  configureCohort(
    @Args('input', MUTATION_INPUT) { cohortId, ...settings }: ConfigureCohortInput,
  ): Promise<ConfigureCohortPayload> {
    return this.write({ type: 'ConfigureCohort', data: { cohortId, changes: changesOf(settings) } });
  }

  @Mutation(() => StartCohortPayload, { description: 'Marks the cohort as running: its sessions have begun' })
  startCohort(@Args('input', MUTATION_INPUT) { cohortId }: StartCohortInput): Promise<StartCohortPayload> {
    return this.write({ type: 'StartCohort', data: { cohortId } });
  }

  @Mutation(() => CompleteCohortPayload, {
    description: 'Marks the running cohort as finished; each learner completes or is dropped by attendance',
  })
  completeCohort(@Args('input', MUTATION_INPUT) { cohortId }: CompleteCohortInput): Promise<CompleteCohortPayload> {
    return this.write({ type: 'CompleteCohort', data: { cohortId } });
  }

  @Mutation(() => CancelCohortPayload, {
    description: 'Cancels the cohort; every applicant still holding a seat or a waitlist place is told the reason',
  })
  cancelCohort(@Args('input', MUTATION_INPUT) { cohortId, reason }: CancelCohortInput): Promise<CancelCohortPayload> {
    return this.write({ type: 'CancelCohort', data: { cohortId, reason } });
  }

  private async write(command: Omit<CohortCommand, 'metadata'>, warnings: string[] = []): Promise<CohortPayload> {
    const { cohortId } = command.data;
    const result = await this.commands.run(cohortDecider, cohortStream(cohortId), command);
    return { cohort: cohortFromWrite(result, this.reader), position: result.position, warnings };
  }
}
