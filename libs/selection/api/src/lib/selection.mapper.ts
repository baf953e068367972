import type { Principal, ReferenceCipher } from '@sooc/auth';
import { globalIdOf } from '@sooc/graphql';
import type { DecisionView, ReviewView } from '@sooc/selection-application';
import type { Criterion, Rubric as DomainRubric } from '@sooc/selection-domain';
import type { CriterionInput } from './define-rubric.input';
import type { ApplicationDecision } from './decision.type';
import type { Decision } from './enums';
import type { CriterionScoreInput } from './review-application.input';
import type { Review } from './review.type';
import type { Rubric } from './rubric.type';

/** GraphQL lists keep the criteria's order; the domain scores by criterion id. */
export function scoresByCriterion(scores: readonly CriterionScoreInput[]): Record<string, number> {
  return Object.fromEntries(scores.map(({ criterionId, score }) => [criterionId, score]));
}

export function toCriteria(criteria: readonly CriterionInput[]): Criterion[] {
  return criteria.map(({ id, label, weight }) => ({ id, label, weight }));
}

/** From the write (the decided rubric) or the read model (the cohort's current one). */
export function toRubric(cohortId: string, { version, criteria, blind, reviewsRequired }: DomainRubric): Rubric {
  const id = globalIdOf('Rubric', cohortId);
  return { id, cohortId, version, criteria: criteria.map((c) => ({ ...c })), blind, reviewsRequired };
}

/** A reviewer, whose cohort may review blind, gets the application's reference, never its enrollment id. */
export function toReview(review: ReviewView, references: ReferenceCipher, caller: Principal): Review {
  const scores = Object.entries(review.scores).map(([criterionId, score]) => ({ criterionId, score }));
  const reference = references.encode(review.enrollmentId);
  return { ...review, enrollmentId: caller.role === 'reviewer' ? null : review.enrollmentId, reference, scores };
}

export function toDecision(decision: DecisionView): ApplicationDecision {
  const { decisionId, enrollmentId, learnerId, reason, decidedBy, record } = decision;
  return {
    decisionId,
    enrollmentId,
    learnerId,
    decision: decision.decision as Decision,
    reason,
    decidedBy: { ...decidedBy },
    record: {
      ...record,
      reviews: record.reviews.map((r) => ({ ...r })),
      seats: { ...record.seats, quota: record.seats.quota && { ...record.seats.quota } },
    },
  };
}
