import { MUTATION_INPUT } from '@sooc/graphql';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandRunner } from '@sooc/nest';
import { decideApplication, defineRubric, reviewApplication } from '@sooc/selection-application';
import { DecideApplicationInput } from './decide-application.input';
import { DefineRubricInput } from './define-rubric.input';
import { DecideApplicationPayload, DefineRubricPayload, ReviewApplicationPayload } from './payloads.type';
import { ReviewApplicationInput } from './review-application.input';
import { scoresByCriterion, toCriteria, toDecision, toReview, toRubric } from './selection.mapper';

/** Selection writes; their payloads come from the command's result, never from the read model. */
@Resolver()
export class SelectionResolver {
  constructor(private readonly commands: CommandRunner) {}

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
    const { cohortId, learnerId, scores, comment } = input;
    const outcome = await reviewApplication(this.commands, {
      cohortId,
      learnerId,
      scores: scoresByCriterion(scores),
      comment: comment ?? null,
    });
    return { review: toReview(outcome.review), position: outcome.position };
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
