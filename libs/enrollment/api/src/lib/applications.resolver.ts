import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AcceptOfferCommand,
  DeclineOfferCommand,
  RecordAttendanceCommand,
  SubmitApplicationCommand,
  WithdrawApplicationCommand,
} from '@sooc/enrollment-application';
import type { CommandOutcome } from '@sooc/nest';
import { Application } from './application.type';
import { ApplicationArgs, ApplicationsArgs, LearnerEnrollmentsArgs } from './enrollment-queries.args';
import { EnrollmentRefArgs, EnrollmentReasonArgs } from './enrollment-ref.args';
import { EnrollmentReader } from './enrollment.reader';
import { ApplicationConnection, ApplicationPayload } from './payloads.type';
import { RecordAttendanceInput } from './record-attendance.input';
import { SubmitApplicationInput } from './submit-application.input';

@Resolver(() => Application)
export class ApplicationsResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: EnrollmentReader,
  ) {}

  @Query(() => Application, { nullable: true })
  async application(@Args() { cohortId, learnerId, consistentWith }: ApplicationArgs): Promise<Application | null> {
    await this.reader.consistentWith(consistentWith);
    return this.reader.application(cohortId, learnerId);
  }

  @Query(() => ApplicationConnection, { description: "A cohort's applications, for reviewers and admins" })
  async applications(@Args() args: ApplicationsArgs): Promise<ApplicationConnection> {
    await this.reader.consistentWith(args.consistentWith);
    return this.reader.applications(args);
  }

  @Query(() => [Application], { description: "A learner's applications, in the order they were submitted" })
  async learnerEnrollments(@Args() { learnerId, consistentWith }: LearnerEnrollmentsArgs): Promise<Application[]> {
    await this.reader.consistentWith(consistentWith);
    return this.reader.learnerEnrollments(learnerId);
  }

  @Mutation(() => ApplicationPayload)
  async submitApplication(
    @Args('input') { cohortId, learnerId, dossier }: SubmitApplicationInput,
  ): Promise<ApplicationPayload> {
    const answers = Object.fromEntries(dossier.answers.map((a) => [a.questionId, a.answer]));
    const { motivation, level, prerequisitesMet } = dossier;
    const command = new SubmitApplicationCommand(cohortId, learnerId, {
      motivation,
      level,
      companyId: dossier.companyId ?? null,
      answers,
      prerequisitesMet,
    });
    return this.payload(cohortId, learnerId, await this.commands.execute(command));
  }

  @Mutation(() => ApplicationPayload)
  async withdrawApplication(
    @Args() { cohortId, learnerId, reason }: EnrollmentReasonArgs,
  ): Promise<ApplicationPayload> {
    return this.payload(
      cohortId,
      learnerId,
      await this.commands.execute(new WithdrawApplicationCommand(cohortId, learnerId, reason ?? null)),
    );
  }

  @Mutation(() => ApplicationPayload)
  async acceptOffer(@Args() { cohortId, learnerId }: EnrollmentRefArgs): Promise<ApplicationPayload> {
    return this.payload(cohortId, learnerId, await this.commands.execute(new AcceptOfferCommand(cohortId, learnerId)));
  }

  @Mutation(() => ApplicationPayload)
  async declineOffer(@Args() { cohortId, learnerId, reason }: EnrollmentReasonArgs): Promise<ApplicationPayload> {
    return this.payload(
      cohortId,
      learnerId,
      await this.commands.execute(new DeclineOfferCommand(cohortId, learnerId, reason ?? null)),
    );
  }

  @Mutation(() => ApplicationPayload)
  async recordAttendance(
    @Args('input') { cohortId, learnerId, session, attended }: RecordAttendanceInput,
  ): Promise<ApplicationPayload> {
    return this.payload(
      cohortId,
      learnerId,
      await this.commands.execute(new RecordAttendanceCommand(cohortId, learnerId, session, attended)),
    );
  }

  private async payload(cohortId: string, learnerId: string, outcome: CommandOutcome): Promise<ApplicationPayload> {
    await this.reader.afterWrite(outcome);
    return { application: await this.reader.existingApplication(cohortId, learnerId), position: outcome.position };
  }
}
