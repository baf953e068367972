import { randomUUID } from 'node:crypto';
import { OPEN, draftCourse, planCohort } from './cohorts.fixture';
import type { Harness } from './gateway.harness';
import type { Persona } from '@sooc/auth/testing';

export const RUBRIC_FIELDS = 'version blind reviewsRequired criteria { id label weight }';
export const REVIEW_FIELDS = 'enrollmentId reviewerId rubricVersion scores { criterionId score } score comment';
export const DECISION_FIELDS = `decisionId enrollmentId learnerId decision reason decidedBy { id role }
  record { rubricVersion reviews { reviewerId rubricVersion score } averageScore rank rankedAmong
    seats { capacity reserved confirmed free waitlisted freeInPool quota { companyId seats used } } }`;

export const DEFINE_RUBRIC = `mutation Rubric($input: DefineRubricInput!) { defineRubric(input: $input) { position rubric { ${RUBRIC_FIELDS} } } }`;
export const REVIEW = `mutation Review($input: ReviewApplicationInput!) { reviewApplication(input: $input) { position review { ${REVIEW_FIELDS} } } }`;
export const DECIDE = `mutation Decide($input: DecideApplicationInput!) { decideApplication(input: $input) { position decision { ${DECISION_FIELDS} } } }`;
export const SUBMIT = `mutation Submit($input: SubmitApplicationInput!) { submitApplication(input: $input) { position } }`;

export const ADMIN: Persona = { role: 'admin', subject: 'admin-7' };
/** A reviewer bound to every cohort the specs make (ids start with c-, see planCohort). */
export const reviewer = (id: string, ...cohorts: string[]): Persona => ({ role: 'reviewer', subject: id, cohorts });

export const CRITERIA = [
  { id: 'motivation', label: 'Motivation', weight: 2 },
  { id: 'fit', label: 'Fit with the course', weight: 1 },
];

export function rubricInput(overrides: Record<string, unknown> = {}) {
  return { criteria: CRITERIA, blind: true, reviewsRequired: 2, ...overrides };
}

function orFail<T>(result: { data?: T | null; errors?: readonly unknown[] }): T {
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

/** A cohort open for applications, of a new course with the given policy ('REVIEW' | 'FIRST_COME'). */
export async function openCohort(
  h: Harness,
  selectionPolicy: string,
  cohort: Record<string, unknown> = {},
): Promise<string> {
  const courseId = await draftCourse(h, { selectionPolicy, prerequisites: [] });
  const cohortId = await planCohort(h, courseId, cohort);
  orFail(await h.gql(OPEN, { cohortId }));
  return cohortId;
}

/** Submits an application through the enrollment API and returns the learner id. */
export async function apply(h: Harness, cohortId: string, companyId: string | null = null): Promise<string> {
  const learnerId = `learner-${randomUUID()}`;
  const dossier = {
    motivation: 'I run event-sourced systems at work and want to do it well.',
    level: 'INTERMEDIATE',
    companyId,
    answers: [],
    prerequisitesMet: [],
  };
  orFail(await h.gql(SUBMIT, { input: { cohortId, learnerId, dossier } }));
  return learnerId;
}

export async function defineRubric(
  h: Harness,
  cohortId: string,
  overrides: Record<string, unknown> = {},
): Promise<void> {
  orFail(await h.gql(DEFINE_RUBRIC, { input: { cohortId, ...rubricInput(overrides) } }, ADMIN));
}

export async function review(
  h: Harness,
  reviewerId: string,
  cohortId: string,
  learnerId: string,
  motivation: number,
  fit: number,
): Promise<void> {
  const scores = [
    { criterionId: 'motivation', score: motivation },
    { criterionId: 'fit', score: fit },
  ];
  orFail(
    await h.gql(REVIEW, { input: { cohortId, learnerId, scores, comment: null } }, reviewer(reviewerId, cohortId)),
  );
}
