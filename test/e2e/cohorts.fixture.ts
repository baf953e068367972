import { randomUUID } from 'node:crypto';
import type { Harness } from './gateway.harness';

export const COHORT_FIELDS =
  'cohortId courseId courseTitle title status capacity applicationWindow { opensAt closesAt } startsOn endsOn selectionPolicy position';

export const DRAFT_COURSE = `mutation Draft($input: DraftCourseInput!) {
  draftCourse(input: $input) { position warnings course { courseId status title topics language prerequisites selectionPolicy defaultCapacity position } }
}`;
export const PLAN_COHORT = `mutation Plan($input: PlanCohortInput!) { planCohort(input: $input) { position warnings cohort { ${COHORT_FIELDS} } } }`;
export const OPEN = `mutation Open($cohortId: ID!) { openApplications(input: { cohortId: $cohortId }) { position warnings cohort { ${COHORT_FIELDS} } } }`;
export const CLOSE = `mutation Close($cohortId: ID!) { closeApplications(input: { cohortId: $cohortId }) { position warnings cohort { ${COHORT_FIELDS} } } }`;
export const COHORT = `query Cohort($id: ID!, $at: Position) { cohort(cohortId: $id, consistentWith: $at) { ${COHORT_FIELDS} } }`;
export const COHORTS = `query Cohorts($first: Int, $after: String, $status: CohortStatus, $at: Position) {
  cohorts(first: $first, after: $after, status: $status, consistentWith: $at) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { cohortId title status } }
  }
}`;

export function courseInput(overrides: Record<string, unknown> = {}) {
  return {
    courseId: randomUUID(),
    title: 'Event sourcing in practice',
    summary: 'Small groups build a real event-sourced system.',
    topics: ['events', 'cqrs'],
    language: 'en',
    prerequisites: ['TypeScript'],
    selectionPolicy: 'REVIEW',
    defaultCapacity: 30,
    ...overrides,
  };
}

/** A window open now (the gateway runs on the system clock) and a start after it. */
export function cohortInput(courseId: string, overrides: Record<string, unknown> = {}) {
  return {
    courseId,
    cohortId: randomUUID(),
    title: 'Cohort 2030 spring',
    capacity: 30,
    applicationWindow: { opensAt: '2020-01-01T00:00:00Z', closesAt: '2030-03-01T00:00:00Z' },
    startsOn: '2030-03-10',
    endsOn: '2030-06-30',
    ...overrides,
  };
}

/** Drafts a course through the API and returns its id. */
export async function draftCourse(h: Harness, overrides: Record<string, unknown> = {}): Promise<string> {
  const input = courseInput(overrides);
  const result = await h.gql(DRAFT_COURSE, { input });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return input.courseId as string;
}

export async function planCohort(
  h: Harness,
  courseId: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const input = cohortInput(courseId, overrides);
  const result = await h.gql(PLAN_COHORT, { input });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return input.cohortId as string;
}
