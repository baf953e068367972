import {
  FieldProblems,
  isIntegerBetween,
  isWellFormedId,
  isWellFormedText,
  TEXT_INVALID_UNICODE,
  trimmed,
} from '@sooc/event-sourcing';
import type { CourseDraftedData, SelectionPolicy } from './course.events';

export const COURSE_LIMITS = {
  titleMin: 3,
  titleMax: 200,
  summaryMax: 2000,
  topicsMax: 20,
  capacityMin: 2,
  capacityMax: 500,
} as const;

export const SELECTION_POLICIES: readonly SelectionPolicy[] = ['first-come', 'review'];

/** language[-Script][-REGION][-variant…]: the subset of BCP 47 course catalogues actually use. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|\d{3}))?(-([a-z\d]{5,8}|\d[a-z\d]{3}))*$/i;

function stringList(problems: FieldProblems, value: unknown, field: string, code: string, unique: boolean): string[] {
  if (!Array.isArray(value)) {
    problems.add(field, code, `${field} must be a list of strings`);
    return [];
  }
  const items = value.map(trimmed);
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (!item) {
      problems.add(`${field}[${index}]`, code, `${field}[${index}] must be a non-empty string`);
    } else if (!isWellFormedText(item)) {
      problems.add(`${field}[${index}]`, TEXT_INVALID_UNICODE, `${field}[${index}] is not valid Unicode text`);
    } else if (unique && seen.has(item.toLowerCase())) {
      problems.add(`${field}[${index}]`, code, `${field}[${index}] "${item}" is listed twice`);
    }
    if (item) seen.add(item.toLowerCase());
  });
  return items.filter((item): item is string => !!item);
}

/**
 * Checks a DraftCourse and returns its data trimmed, as the event will carry it; throws one
 * ValidationError listing every bad field.
 */
export function normalizeCourseDraft(data: CourseDraftedData): CourseDraftedData {
  const problems = new FieldProblems();
  problems.require(
    isWellFormedId(data.courseId),
    'courseId',
    'COURSE.ID_INVALID',
    'courseId is required, without surrounding blanks',
  );

  const title = trimmed(data.title) ?? '';
  problems.requireText(
    'title',
    title,
    { min: COURSE_LIMITS.titleMin, max: COURSE_LIMITS.titleMax },
    'COURSE.TITLE_INVALID',
    `title must be ${COURSE_LIMITS.titleMin} to ${COURSE_LIMITS.titleMax} characters`,
  );

  const summary = trimmed(data.summary);
  problems.requireText(
    'summary',
    summary,
    { max: COURSE_LIMITS.summaryMax },
    'COURSE.SUMMARY_INVALID',
    `summary must be a text of at most ${COURSE_LIMITS.summaryMax} characters`,
  );

  const topics = stringList(problems, data.topics, 'topics', 'COURSE.TOPICS_INVALID', false);
  problems.require(
    topics.length <= COURSE_LIMITS.topicsMax,
    'topics',
    'COURSE.TOPICS_INVALID',
    `at most ${COURSE_LIMITS.topicsMax} topics`,
  );

  const language = trimmed(data.language) ?? '';
  problems.require(
    LANGUAGE_TAG.test(language),
    'language',
    'COURSE.LANGUAGE_INVALID',
    'language must be a BCP 47 tag such as "en" or "fr-CA"',
  );

  const prerequisites = stringList(problems, data.prerequisites, 'prerequisites', 'COURSE.PREREQUISITES_INVALID', true);

  problems.require(
    SELECTION_POLICIES.includes(data.selectionPolicy),
    'selectionPolicy',
    'COURSE.SELECTION_POLICY_INVALID',
    `selectionPolicy must be one of ${SELECTION_POLICIES.join(', ')}`,
  );

  problems.require(
    isIntegerBetween(data.defaultCapacity, COURSE_LIMITS.capacityMin, COURSE_LIMITS.capacityMax),
    'defaultCapacity',
    'COURSE.CAPACITY_OUT_OF_BOUNDS',
    `defaultCapacity must be a whole number from ${COURSE_LIMITS.capacityMin} to ${COURSE_LIMITS.capacityMax}`,
  );

  problems.throwIfAny('The course cannot be drafted');
  return {
    courseId: data.courseId,
    title,
    summary: summary as string,
    topics,
    language,
    prerequisites,
    selectionPolicy: data.selectionPolicy,
    defaultCapacity: data.defaultCapacity,
  };
}
