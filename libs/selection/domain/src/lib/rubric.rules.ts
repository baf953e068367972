import { FieldProblems, isIntegerBetween, isWellFormedId, trimmed } from '@sooc/event-sourcing';
import type { Criterion } from './selection.events';

export const SELECTION_LIMITS = {
  criteriaMin: 1,
  criteriaMax: 12,
  criterionIdMax: 64,
  labelMax: 200,
  weightMax: 100,
  reviewsRequiredMin: 1,
  reviewsRequiredMax: 10,
  commentMax: 2000,
  reasonMax: 500,
} as const;

export interface RubricInput {
  readonly criteria: readonly Criterion[];
  readonly blind: boolean;
  readonly reviewsRequired: number;
}

const CODE = 'SELECTION.RUBRIC_INVALID';

function checkCriterion(problems: FieldProblems, value: unknown, i: number, seen: Set<string>): Criterion {
  const criterion = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const { id, weight } = criterion;
  const at = `criteria[${i}]`;
  if (
    problems.require(
      isWellFormedId(id, SELECTION_LIMITS.criterionIdMax),
      `${at}.id`,
      CODE,
      `${at}.id is required, at most ${SELECTION_LIMITS.criterionIdMax} characters without surrounding blanks`,
    )
  ) {
    problems.require(
      !seen.has(id as string),
      `${at}.id`,
      CODE,
      `${at}.id "${String(id)}" is used by another criterion`,
    );
    seen.add(id as string);
  }
  const label = trimmed(criterion['label']) ?? '';
  problems.requireText(
    `${at}.label`,
    label,
    { min: 1, max: SELECTION_LIMITS.labelMax },
    CODE,
    `${at}.label is required and at most ${SELECTION_LIMITS.labelMax} characters`,
  );
  problems.require(
    typeof weight === 'number' && Number.isFinite(weight) && weight > 0 && weight <= SELECTION_LIMITS.weightMax,
    `${at}.weight`,
    CODE,
    `${at}.weight must be a number above 0 and at most ${SELECTION_LIMITS.weightMax}`,
  );
  return { id: id as string, label, weight: weight as number };
}

/** Checks a rubric, reporting every bad field at once, and returns it with trimmed labels. */
export function normalizeRubric(input: RubricInput): RubricInput {
  const problems = new FieldProblems();
  const list: unknown = input.criteria;
  let criteria: Criterion[] = [];
  if (
    problems.require(
      Array.isArray(list) && list.length >= SELECTION_LIMITS.criteriaMin && list.length <= SELECTION_LIMITS.criteriaMax,
      'criteria',
      CODE,
      `a rubric has ${SELECTION_LIMITS.criteriaMin} to ${SELECTION_LIMITS.criteriaMax} criteria`,
    )
  ) {
    const seen = new Set<string>();
    criteria = (list as unknown[]).map((c, i) => checkCriterion(problems, c, i, seen));
  }
  problems.require(typeof input.blind === 'boolean', 'blind', CODE, 'blind must be true or false');
  problems.require(
    isIntegerBetween(input.reviewsRequired, SELECTION_LIMITS.reviewsRequiredMin, SELECTION_LIMITS.reviewsRequiredMax),
    'reviewsRequired',
    CODE,
    `reviewsRequired must be a whole number from ${SELECTION_LIMITS.reviewsRequiredMin} to ${SELECTION_LIMITS.reviewsRequiredMax}`,
  );
  problems.throwIfAny('The rubric is invalid');
  return { criteria, blind: input.blind, reviewsRequired: input.reviewsRequired };
}
