import { InputValidationError, MUTATION_INPUT } from '@sooc/graphql';
import { ReferenceCipher } from '@sooc/auth';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandRunner, RequestContext } from '@sooc/nest';
import { decideApplication, defineRubric, reviewApplication } from '@sooc/selection-application';
import { DecideApplicationInput } from './decide-application.input';
import { DefineRubricInput } from './define-rubric.input';
import { DecideApplicationPayload, DefineRubricPayload, ReviewApplicationPayload } from './payloads.type';
import { ReviewApplicationInput } from './review-application.input';
import { scoresByCriterion, toCriteria, toDecision, toReview, toRubric } from './selection.mapper';

/** Selection writes; their payloads come from the command's result, never from the read model. */
@Resolver()
export class SelectionResolver {
  constructor(
    private readonly commands: CommandRunner,
    private readonly references: ReferenceCipher,
  ) {}

  @Mutation(() => DefineRubricPayload, { description: 'Defines (or replaces) the rubric of a review cohort' })
  async defineRubric(@Args('input', MUTATION_INPUT) input: DefineRubricInput): Promise<DefineRubricPayload> {
    const { cohortId, criteria, blind, reviewsRequired } = input;
    const outcome = await defineRubric(this.commands, {
      cohortId,
      criteria: toCriteria(criteria),
      blind,
      reviewsRequired,
    });
    return { rubric: toRubric(cohortId, outcome.rubric), position: outcome.position };
  }

  @Mutation(() => ReviewApplicationPayload, {
    description: "Scores an application as the caller; a reviewer's new review replaces their earlier one",
  })
  async reviewApplication(
    @Args('input', MUTATION_INPUT) input: ReviewApplicationInput,
  ): Promise<ReviewApplicationPayload> {
    const { cohortId, scores, comment } = input;
    const outcome = await reviewApplication(this.commands, {
      cohortId,
      learnerId: this.learnerNamedBy(input),
      scores: scoresByCriterion(scores),
      comment: comment ?? null,
    });
    return {
      review: toReview(outcome.review, this.references, RequestContext.current().principal),
      position: outcome.position,
    };
  }

  /** The learner of the application the review names, by learner id or by its opaque reference. */
  private learnerNamedBy({ cohortId, learnerId, reference }: ReviewApplicationInput): string {
    if (learnerId != null && reference != null)
      throw new InputValidationError([{ field: 'reference', message: 'give learnerId or reference, not both' }]);
    if (learnerId != null) return learnerId;
    const enrollmentId = reference == null ? null : this.references.decode(reference);
    const prefix = `${cohortId}-`;
    if (enrollmentId === null || !enrollmentId.startsWith(prefix))
      throw new InputValidationError([
        { field: 'reference', message: `reference does not name an application of cohort ${cohortId}` },
      ]);
    return enrollmentId.slice(prefix.length);
  }

  @Mutation(() => DecideApplicationPayload, {
    description: 'Admits, waitlists or rejects a reviewed application, as the caller',
  })
  async decideApplication(
    @Args('input', MUTATION_INPUT) input: DecideApplicationInput,
  ): Promise<DecideApplicationPayload> {
    const { cohortId, learnerId, decision, reason } = input;
    const outcome = await decideApplication(this.commands, { cohortId, learnerId, decision, reason });
    return { decision: toDecision(outcome.decision), position: outcome.position };
  }
}
