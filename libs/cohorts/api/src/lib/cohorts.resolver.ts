import { randomUUID } from 'node:crypto';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { planCohort } from '@sooc/cohorts-application';
import { capacityWarnings, cohortDecider, cohortStream } from '@sooc/cohorts-domain';
import { CommandRunner } from '@sooc/nest';
import { cohortFromWrite } from './cohort-payload.mapper';
import { CloseApplicationsInput, OpenApplicationsInput } from './cohort-commands.input';
import { CohortQueryArgs, MUTATION_INPUT } from '@sooc/graphql';
import { Cohort } from './cohort.type';
import { CohortsArgs } from './cohorts.args';
import { CohortsReader } from './cohorts.reader';
import {
  CloseApplicationsPayload,
  CohortConnection,
  OpenApplicationsPayload,
  PlanCohortPayload,
} from './payloads.type';
import { PlanCohortInput } from './plan-cohort.input';

@Resolver(() => Cohort)
export class CohortsResolver {
  constructor(
    private readonly commands: CommandRunner,
    private readonly reader: CohortsReader,
  ) {}

  @Query(() => Cohort, {
    nullable: true,
    description: 'One cohort, for admin dashboards and course pages; null when no cohort has this cohortId',
  })
  async cohort(@Args() { cohortId, consistentWith }: CohortQueryArgs): Promise<Cohort | null> {
    await this.reader.consistentWith(consistentWith);
    return this.reader.cohort(cohortId);
  }

  @Query(() => CohortConnection, {
    description: 'Cohorts, in the order they were planned, a page at a time; optionally only those in one status',
  })
  async cohorts(@Args() args: CohortsArgs): Promise<CohortConnection> {
    await this.reader.consistentWith(args.consistentWith);
    return this.reader.cohorts(args);
  }

  @Mutation(() => PlanCohortPayload, {
    description: 'Plans a cohort of a published course: its seats, application window and dates (admins)',
  })
  async planCohort(@Args('input', MUTATION_INPUT) input: PlanCohortInput): Promise<PlanCohortPayload> {
    const { courseId, title, capacity, applicationWindow, startsOn, endsOn } = input;
    const cohortId = input.cohortId ?? randomUUID();
    const window = { opensAt: applicationWindow.opensAt, closesAt: applicationWindow.closesAt };
    const result = await planCohort(this.commands, {
      cohortId,
      courseId,
      title,
      capacity,
      applicationWindow: window,
      startsOn,
      endsOn,
    });
    return {
      cohort: cohortFromWrite(result, this.reader),
      position: result.position,
      warnings: capacityWarnings(capacity),
    };
  }

  @Mutation(() => OpenApplicationsPayload, {
    description: 'Opens the cohort to applications, inside its application window',
  })
  async openApplications(
    @Args('input', MUTATION_INPUT) { cohortId }: OpenApplicationsInput,
  ): Promise<OpenApplicationsPayload> {
    const result = await this.commands.run(cohortDecider, cohortStream(cohortId), {
      type: 'OpenApplications',
      data: { cohortId },
    });
    return { cohort: cohortFromWrite(result, this.reader), position: result.position, warnings: [] };
  }

  @Mutation(() => CloseApplicationsPayload, {
    description: 'Stops taking applications before the window ends; the applications already in go on',
  })
  async closeApplications(
    @Args('input', MUTATION_INPUT) { cohortId }: CloseApplicationsInput,
  ): Promise<CloseApplicationsPayload> {
    const result = await this.commands.run(cohortDecider, cohortStream(cohortId), {
      type: 'CloseApplications',
      data: { cohortId },
    });
    return { cohort: cohortFromWrite(result, this.reader), position: result.position, warnings: [] };
  }
}
