import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { recordAttendance, submitApplication } from '@sooc/enrollment-application';
import {
  enrollmentDecider,
  enrollmentIdOf,
  enrollmentStream,
  type EnrollmentCommand,
  type EnrollmentEvent,
  type EnrollmentRef,
  type EnrollmentState,
} from '@sooc/enrollment-domain';
import type { CommandResult } from '@sooc/event-sourcing';
import { withDeferredFields } from '@sooc/graphql';
import { CommandRunner } from '@sooc/nest';
import { APPLICATION_FIELDS, applicationFromWrite } from './application-payload.mapper';
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
    private readonly commands: CommandRunner,
    private readonly reader: EnrollmentReader,
  ) {}

  @Query(() => Application, {
    nullable: true,
    description:
      "One learner's application to one cohort, with its dossier, reviews, decision and attendance; null when " +
      'the learner never applied there',
  })
  async application(@Args() { cohortId, learnerId, consistentWith }: ApplicationArgs): Promise<Application | null> {
    await this.reader.consistentWith(consistentWith);
    return this.reader.application(cohortId, learnerId);
  }

  @Query(() => ApplicationConnection, { description: "A cohort's applications, for reviewers and admins" })
  async applications(@Args() args: ApplicationsArgs): Promise<ApplicationConnection> {
    await this.reader.consistentWith(args.consistentWith);
    return this.reader.applications(args);
  }

  @Query(() => ApplicationConnection, {
    description: "A learner's applications in every cohort, in the order they were submitted, a page at a time",
  })
  async learnerEnrollments(@Args() args: LearnerEnrollmentsArgs): Promise<ApplicationConnection> {
    await this.reader.consistentWith(args.consistentWith);
    return this.reader.learnerEnrollments(args);
  }

  @Mutation(() => ApplicationPayload)
  async submitApplication(
    @Args('input') { cohortId, learnerId, dossier }: SubmitApplicationInput,
  ): Promise<ApplicationPayload> {
    const answers = Object.fromEntries(dossier.answers.map((a) => [a.questionId, a.answer]));
    const { motivation, level, prerequisitesMet } = dossier;
    const companyId = dossier.companyId ?? null;
    const input = { cohortId, learnerId, dossier: { motivation, level, companyId, answers, prerequisitesMet } };
    return this.payload(cohortId, learnerId, await submitApplication(this.commands, input));
  }

  @Mutation(() => ApplicationPayload)
  withdrawApplication(@Args() { cohortId, learnerId, reason }: EnrollmentReasonArgs): Promise<ApplicationPayload> {
    return this.send({ type: 'WithdrawApplication', data: { ...refOf(cohortId, learnerId), reason: reason ?? null } });
  }

  @Mutation(() => ApplicationPayload)
  acceptOffer(@Args() { cohortId, learnerId }: EnrollmentRefArgs): Promise<ApplicationPayload> {
    return this.send({ type: 'AcceptOffer', data: refOf(cohortId, learnerId) });
  }

  @Mutation(() => ApplicationPayload)
  declineOffer(@Args() { cohortId, learnerId, reason }: EnrollmentReasonArgs): Promise<ApplicationPayload> {
    return this.send({ type: 'DeclineOffer', data: { ...refOf(cohortId, learnerId), reason: reason ?? null } });
  }

  @Mutation(() => ApplicationPayload)
  async recordAttendance(@Args('input') input: RecordAttendanceInput): Promise<ApplicationPayload> {
    const { cohortId, learnerId, session, attended } = input;
    const result = await recordAttendance(this.commands, { cohortId, learnerId, session, attended });
    return this.payload(cohortId, learnerId, result);
  }

  /** An enrollment command that needs nothing but its own stream. */
  private async send(command: Omit<EnrollmentCommand, 'metadata'>): Promise<ApplicationPayload> {
    const { cohortId, learnerId } = command.data;
    const result = await this.commands.run(enrollmentDecider, enrollmentStream(cohortId, learnerId), command);
    return this.payload(cohortId, learnerId, result);
  }

  /** Answered from the write; only fields the write side does not know wait for the read model. */
  private async payload(cohortId: string, learnerId: string, result: Written): Promise<ApplicationPayload> {
    const known = applicationFromWrite(result, await this.reader.redaction(cohortId));
    const application = withDeferredFields<Application>(known, APPLICATION_FIELDS, async () => {
      await this.reader.afterWrite(result);
      return this.reader.existingApplication(cohortId, learnerId);
    });
    return { application, position: result.position };
  }
}

type Written = CommandResult<EnrollmentEvent, EnrollmentState>;

const refOf = (cohortId: string, learnerId: string): EnrollmentRef => ({
  enrollmentId: enrollmentIdOf(cohortId, learnerId),
  cohortId,
  learnerId,
});
