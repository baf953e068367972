import { FieldProblems, isIntegerBetween, isWellFormedId, trimmed } from '@sooc/event-sourcing';
import type { PlanCohortData } from './cohort.commands';
import type { ApplicationWindow } from './cohort.events';
import { parseCalendarDate, parseInstant, startOfDayUtc } from './iso-time.parser';

/** Hard bounds are refused; outside the recommended range the API only warns (DESIGN §4). */
export const COHORT_LIMITS = {
  titleMax: 200,
  capacityMin: 2,
  capacityMax: 500,
  recommendedCapacityMin: 10,
  recommendedCapacityMax: 100,
} as const;

/** What a PlanCohort fixes about the cohort; the course is context, not part of the plan. */
export type CohortPlan = Omit<PlanCohortData, 'course'>;

/**
 * Warnings for a capacity the decider accepts but DESIGN advises against; [] inside 10..100 and
 * for values the decider refuses anyway (those get a ValidationError instead).
 */
export function capacityWarnings(capacity: number): string[] {
  if (!isIntegerBetween(capacity, COHORT_LIMITS.capacityMin, COHORT_LIMITS.capacityMax)) return [];
  if (capacity < COHORT_LIMITS.recommendedCapacityMin) {
    return [
      `Capacity ${capacity} is below the recommended minimum of ${COHORT_LIMITS.recommendedCapacityMin}: groups may be too small to work in`,
    ];
  }
  if (capacity > COHORT_LIMITS.recommendedCapacityMax) {
    return [
      `Capacity ${capacity} is above the recommended maximum of ${COHORT_LIMITS.recommendedCapacityMax}: a SOOC is meant to stay small`,
    ];
  }
  return [];
}

/**
 * Checks a PlanCohort and returns the plan as the event will carry it: strings trimmed, instants
 * in canonical UTC form (`2026-04-01T08:00:00.000Z`) so they compare and sort as text.
 */
export function normalizeCohortPlan(data: PlanCohortData): CohortPlan {
  const problems = new FieldProblems();
  problems.require(
    isWellFormedId(data.cohortId),
    'cohortId',
    'COHORT.ID_INVALID',
    'cohortId is required, without surrounding blanks',
  );

  const title = trimmed(data.title) ?? '';
  problems.requireText(
    'title',
    title,
    { min: 1, max: COHORT_LIMITS.titleMax },
    'COHORT.TITLE_INVALID',
    `title is required and at most ${COHORT_LIMITS.titleMax} characters`,
  );

  problems.require(
    isIntegerBetween(data.capacity, COHORT_LIMITS.capacityMin, COHORT_LIMITS.capacityMax),
    'capacity',
    'COHORT.CAPACITY_OUT_OF_BOUNDS',
    `capacity must be a whole number from ${COHORT_LIMITS.capacityMin} to ${COHORT_LIMITS.capacityMax}`,
  );

  const window: Partial<ApplicationWindow> = data.applicationWindow ?? {};
  const opensAt = parseInstant(window.opensAt);
  const closesAt = parseInstant(window.closesAt);
  const startsOn = parseCalendarDate(data.startsOn);
  const endsOn = parseCalendarDate(data.endsOn);
  const instantMessage = (field: string) =>
    `${field} must be an ISO-8601 instant with an offset, e.g. 2026-04-01T08:00:00Z`;
  problems.require(
    !!opensAt,
    'applicationWindow.opensAt',
    'COHORT.DATE_INVALID',
    instantMessage('applicationWindow.opensAt'),
  );
  problems.require(
    !!closesAt,
    'applicationWindow.closesAt',
    'COHORT.DATE_INVALID',
    instantMessage('applicationWindow.closesAt'),
  );
  problems.require(!!startsOn, 'startsOn', 'COHORT.DATE_INVALID', 'startsOn must be a date YYYY-MM-DD');
  problems.require(!!endsOn, 'endsOn', 'COHORT.DATE_INVALID', 'endsOn must be a date YYYY-MM-DD');

  // Orderings are only meaningful between dates that parsed; a malformed one is reported above.
  if (opensAt && closesAt) {
    problems.require(
      opensAt < closesAt,
      'applicationWindow.closesAt',
      'COHORT.WINDOW_INVALID',
      'applications must close after they open',
    );
  }
  if (closesAt && startsOn) {
    problems.require(
      closesAt <= startOfDayUtc(startsOn),
      'applicationWindow.closesAt',
      'COHORT.WINDOW_INVALID',
      'applications must close no later than the start date (00:00 UTC)',
    );
  }
  if (startsOn && endsOn) {
    problems.require(startsOn <= endsOn, 'endsOn', 'COHORT.DATES_INVALID', 'endsOn must not be before startsOn');
  }

  problems.throwIfAny('The cohort cannot be planned');
  return {
    cohortId: data.cohortId,
    courseId: data.courseId,
    title,
    capacity: data.capacity,
    applicationWindow: { opensAt: (opensAt as Date).toISOString(), closesAt: (closesAt as Date).toISOString() },
    startsOn: startsOn as string,
    endsOn: endsOn as string,
  };
}
