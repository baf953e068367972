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
import { MUTATION_INPUT, withDeferredFields } from '@sooc/graphql';
import { CommandRunner } from '@sooc/nest';
import { APPLICATION_FIELDS, applicationFromWrite } from './application-payload.mapper';
import { Application } from './application.type';
import { ApplicationArgs, ApplicationsArgs, LearnerEnrollmentsArgs } from './enrollment-queries.args';
import { AcceptOfferInput, DeclineOfferInput, WithdrawApplicationInput } from './enrollment-ref.input';
import { EnrollmentReader } from './enrollment.reader';
import {
  AcceptOfferPayload,
  ApplicationConnection,
  ApplicationPayload,
  DeclineOfferPayload,
  RecordAttendancePayload,
  SubmitApplicationPayload,
  WithdrawApplicationPayload,
} from './payloads.type';
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
      "the learner never applied there, and when it is not the caller's to read (a partner company reads its own " +
      'employees who agreed to be seen by it, shareWithCompany)',
  })
  async application(@Args() { cohortId, learnerId, consistentWith }: ApplicationArgs): Promise<Application | null> {
    await this.reader.consistentWith(consistentWith);
    return this.reader.application(cohortId, learnerId);
  }

  @Query(() => ApplicationConnection, {
    description:
      "A cohort's applications, for reviewers and admins; a partner company gets its own employees' who agreed to be " +
      'seen by it (shareWithCompany), and totalCount counts those',
  })
  async applications(@Args() args: ApplicationsArgs): Promise<ApplicationConnection> {
    await this.reader.consistentWith(args.consistentWith);
    return this.reader.applications(args);
  }

  @Query(() => ApplicationConnection, {
    description:
      "A learner's applications in every cohort, in the order they were submitted, a page at a time; for a partner " +
      'company, only those where the learner agreed to be seen by it',
  })
  async learnerEnrollments(@Args() args: LearnerEnrollmentsArgs): Promise<ApplicationConnection> {
    await this.reader.consistentWith(args.consistentWith);
    return this.reader.learnerEnrollments(args);
  }

  @Mutation(() => SubmitApplicationPayload, {
    description:
      'Applies a learner to a cohort open for applications. The dossier is checked against the course (a missing ' +
      'prerequisite makes the application INELIGIBLE); a repeat of the same dossier changes nothing',
  })
  async submitApplication(
    @Args('input', MUTATION_INPUT) { cohortId, learnerId, dossier }: SubmitApplicationInput,
  ): Promise<SubmitApplicationPayload> {
    const answers = Object.fromEntries(dossier.answers.map((a) => [a.questionId, a.answer]));
    const { motivation, level, prerequisitesMet } = dossier;
    const [name, email, companyId] = [dossier.name ?? null, dossier.email ?? null, dossier.companyId ?? null];
    const input = {
      cohortId,
      learnerId,
      dossier: {
        name,
        email,
        motivation,
        level,
        companyId,
        shareWithCompany: dossier.shareWithCompany,
        answers,
        prerequisitesMet,
      },
    };
    return this.payload(cohortId, learnerId, await submitApplication(this.commands, input));
  }

  @Mutation(() => WithdrawApplicationPayload, {
    description: 'Withdraws the application; a seat it held goes to the next on the waitlist',
  })
  withdrawApplication(
    @Args('input', MUTATION_INPUT) { cohortId, learnerId, reason }: WithdrawApplicationInput,
  ): Promise<WithdrawApplicationPayload> {
    return this.send({ type: 'WithdrawApplication', data: { ...refOf(cohortId, learnerId), reason: reason ?? null } });
  }

  @Mutation(() => AcceptOfferPayload, { description: 'Accepts the seat offered, before the offer expires' })
  acceptOffer(@Args('input', MUTATION_INPUT) { cohortId, learnerId }: AcceptOfferInput): Promise<AcceptOfferPayload> {
    return this.send({ type: 'AcceptOffer', data: refOf(cohortId, learnerId) });
  }

  @Mutation(() => DeclineOfferPayload, {
    description: 'Declines the seat offered; it goes to the next on the waitlist',
  })
  declineOffer(
    @Args('input', MUTATION_INPUT) { cohortId, learnerId, reason }: DeclineOfferInput,
  ): Promise<DeclineOfferPayload> {
    return this.send({ type: 'DeclineOffer', data: { ...refOf(cohortId, learnerId), reason: reason ?? null } });
  }

  @Mutation(() => RecordAttendancePayload, {
    description: 'Marks a confirmed learner present or absent at one session of a running cohort',
  })
  async recordAttendance(
    @Args('input', MUTATION_INPUT) input: RecordAttendanceInput,
  ): Promise<RecordAttendancePayload> {
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
    const known = applicationFromWrite(result, this.reader.referenceOf, await this.reader.redaction(cohortId));
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
