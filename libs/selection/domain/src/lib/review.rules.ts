import { FieldProblems, isIntegerBetween, isWellFormedId, trimmed } from '@sooc/event-sourcing';
import { SCORE_MAX, type Criterion } from './selection.events';
import { SELECTION_LIMITS } from './rubric.rules';

/**
 * Two decimals, the precision every score and average is reported with. Shifting through the
 * decimal text rounds 93.335 up as a person would; `93.335 * 100` is 9333.499… in binary.
 */
export function round2(value: number): number {
  const shifted = Number(`${value}e2`);
  return Number.isFinite(shifted) ? Math.round(shifted) / 100 : Math.round(value * 100) / 100;
}

/** The weighted mean of a review's scores on 0..100. */
export function weightedScore(criteria: readonly Criterion[], scores: Readonly<Record<string, number>>): number {
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  const weighted = criteria.reduce((sum, c) => sum + c.weight * scores[c.id], 0);
  return round2((weighted / totalWeight / SCORE_MAX) * 100);
}

/** Blank comments are no comment; what the reviewer wrote is kept trimmed. */
export function normalizeComment(comment: unknown): string | null {
  return trimmed(comment) || null;
}

/** A review scores exactly the rubric's criteria, each a whole number 0..SCORE_MAX. */
export function checkReview(
  criteria: readonly Criterion[],
  reviewerId: unknown,
  scores: unknown,
  comment: unknown,
): void {
  const problems = new FieldProblems();
  problems.require(
    isWellFormedId(reviewerId),
    'reviewerId',
    'SELECTION.REVIEWER_INVALID',
    'reviewerId is required, without surrounding blanks',
  );
  const given = (typeof scores === 'object' && scores !== null ? scores : {}) as Record<string, unknown>;
  const SCORES = 'SELECTION.SCORES_INVALID';
  for (const { id } of criteria) {
    problems.require(
      isIntegerBetween(given[id], 0, SCORE_MAX),
      `scores.${id}`,
      SCORES,
      `scores.${id} must be a whole number from 0 to ${SCORE_MAX}`,
    );
  }
  const known = new Set(criteria.map((c) => c.id));
  for (const id of Object.keys(given).filter((key) => !known.has(key))) {
    problems.require(false, `scores.${id}`, SCORES, `${id} is not a criterion of the rubric`);
  }
  problems.requireText(
    'comment',
    comment === null || comment === undefined ? '' : typeof comment === 'string' ? comment.trim() : null,
    { max: SELECTION_LIMITS.commentMax },
    'SELECTION.COMMENT_INVALID',
    `comment must be text of at most ${SELECTION_LIMITS.commentMax} characters`,
  );
  problems.throwIfAny('The review is invalid');
}
