import { randomUUID } from 'node:crypto';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { planCohort } from '@sooc/cohorts-application';
import { capacityWarnings, cohortDecider, cohortStream } from '@sooc/cohorts-domain';
import { CommandRunner } from '@sooc/nest';
import { cohortFromWrite } from './cohort-payload.mapper';
import { CohortIdArgs } from './cohort-id.args';
import { CohortQueryArgs } from '@sooc/graphql';
import { Cohort } from './cohort.type';
import { CohortsArgs } from './cohorts.args';
import { CohortsReader } from './cohorts.reader';
import { CohortConnection, CohortPayload } from './payloads.type';
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

  @Mutation(() => CohortPayload)
  async planCohort(@Args('input') input: PlanCohortInput): Promise<CohortPayload> {
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

  @Mutation(() => CohortPayload)
  async openApplications(@Args() { cohortId }: CohortIdArgs): Promise<CohortPayload> {
    const result = await this.commands.run(cohortDecider, cohortStream(cohortId), {
      type: 'OpenApplications',
      data: { cohortId },
    });
    return { cohort: cohortFromWrite(result, this.reader), position: result.position, warnings: [] };
  }

  @Mutation(() => CohortPayload)
  async closeApplications(@Args() { cohortId }: CohortIdArgs): Promise<CohortPayload> {
    const result = await this.commands.run(cohortDecider, cohortStream(cohortId), {
      type: 'CloseApplications',
      data: { cohortId },
    });
    return { cohort: cohortFromWrite(result, this.reader), position: result.position, warnings: [] };
  }
}
