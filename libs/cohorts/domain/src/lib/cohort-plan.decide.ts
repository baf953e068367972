import { isDeepStrictEqual } from 'node:util';
import { IllegalStateError, NotFoundError } from '@sooc/event-sourcing';
import type { CloseApplications, OpenApplications, PlanCohort } from './cohort.commands';
import { requireCohort, type ExistingCohort } from './cohort.error';
import type { ApplicationWindow, CohortEvent } from './cohort.events';
import { normalizeCohortPlan, type CohortPlan } from './cohort.rules';
import type { CohortState } from './cohort.state';

function planOf(state: ExistingCohort): CohortPlan {
  const { cohortId, courseId, title, capacity, applicationWindow, startsOn, endsOn } = state;
  return { cohortId, courseId, title, capacity, applicationWindow, startsOn, endsOn };
}

export function planCohort(command: PlanCohort, state: CohortState): CohortEvent[] {
  const plan = normalizeCohortPlan(command.data);
  const { course } = command.data;
  if (course?.status !== 'drafted' || course.courseId !== plan.courseId) {
    throw new NotFoundError('COURSE.NOT_FOUND', `Course ${String(plan.courseId)} does not exist`, {
      courseId: plan.courseId,
    });
  }
  if (state.status === 'none') {
    return [{ type: 'CohortPlanned', data: { ...plan, selectionPolicy: course.selectionPolicy } }];
  }
  // A retried request repeats the plan: success, not a conflict. The selection policy is left
  // out of the comparison: it comes from the course, which may have changed since. The capacity
  // compared is the current one: a retry after ChangeCapacity is a different plan.
  if (isDeepStrictEqual(planOf(state), plan)) return [];
  throw new IllegalStateError(
    'COHORT.ALREADY_PLANNED',
    `Cohort ${plan.cohortId} is already planned with different data`,
    {
      cohortId: plan.cohortId,
    },
  );
}

/**
 * Opening before the planned `opensAt` moves it to the moment of opening: the admin did it on
 * purpose, and a window that says "not yet" while the cohort says "open" would refuse everyone.
 * Opening later leaves the planned window: applications were due from `opensAt` anyway.
 */
function windowOpenedAt(cohort: ExistingCohort, now: Date): ApplicationWindow {
  const { opensAt, closesAt } = cohort.applicationWindow;
  return now.getTime() < Date.parse(opensAt) ? { opensAt: now.toISOString(), closesAt } : { opensAt, closesAt };
}

export function openApplications(command: OpenApplications, state: CohortState): CohortEvent[] {
  const { cohortId } = command.data;
  const cohort = requireCohort(state, cohortId);
  switch (cohort.status) {
    case 'planned':
      if (command.metadata.now.getTime() >= Date.parse(cohort.applicationWindow.closesAt)) {
        throw new IllegalStateError(
          'COHORT.WINDOW_PASSED',
          `The application window of cohort ${cohortId} closed at ${cohort.applicationWindow.closesAt}`,
          {
            cohortId,
            closesAt: cohort.applicationWindow.closesAt,
          },
        );
      }
      return [
        {
          type: 'ApplicationsOpened',
          data: { cohortId: cohort.cohortId, applicationWindow: windowOpenedAt(cohort, command.metadata.now) },
        },
      ];
    case 'open':
      return [];
    case 'closed':
    case 'running':
    case 'completed':
      throw new IllegalStateError(
        'COHORT.APPLICATIONS_CLOSED',
        `Applications to cohort ${cohortId} are closed for good`,
        { cohortId },
      );
    case 'cancelled':
      throw new IllegalStateError('COHORT.CANCELLED', `Cohort ${cohortId} was cancelled`, {
        cohortId,
        status: cohort.status,
      });
  }
}

/**
 * Past `open` the command asks for what already holds (no applications are taken), so it
 * changes nothing, even on a cancelled cohort: a scheduler closing windows need not know.
 */
export function closeApplications(command: CloseApplications, state: CohortState): CohortEvent[] {
  const { cohortId } = command.data;
  const cohort = requireCohort(state, cohortId);
  if (command.data.because === 'window-ended') return closeAtWindowEnd(cohort, command.metadata.now);
  switch (cohort.status) {
    case 'planned':
      throw new IllegalStateError('COHORT.NOT_OPEN', `Applications to cohort ${cohortId} were never opened`, {
        cohortId,
      });
    case 'open':
      return [{ type: 'ApplicationsClosed', data: { cohortId: cohort.cohortId, because: 'admin' } }];
    default:
      return [];
  }
}

/**
 * The reactor's close at `closesAt`, driven by its clock: exactly once, because only an open
 * cohort closes and every repeat (after a restart, a second tick, an admin who closed first)
 * finds it closed and writes nothing. Early is refused: the window is half-open, [opensAt, closesAt).
 */
function closeAtWindowEnd(cohort: ExistingCohort, now: Date): CohortEvent[] {
  if (cohort.status !== 'open') return [];
  const { closesAt } = cohort.applicationWindow;
  if (now.getTime() < Date.parse(closesAt)) {
    throw new IllegalStateError(
      'COHORT.WINDOW_NOT_ENDED',
      `The application window of cohort ${cohort.cohortId} ends at ${closesAt}, not before`,
      { cohortId: cohort.cohortId, closesAt, now: now.toISOString() },
    );
  }
  return [{ type: 'ApplicationsClosed', data: { cohortId: cohort.cohortId, because: 'window-ended' } }];
}
