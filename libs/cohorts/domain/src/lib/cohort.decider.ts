import { isDeepStrictEqual } from 'node:util';
import { IllegalStateError, NotFoundError, type Decider } from '@sooc/event-sourcing';
import type { CloseApplications, CohortCommand, OpenApplications, PlanCohort } from './cohort.commands';
import type { CohortEvent } from './cohort.events';
import { normalizeCohortPlan, type CohortPlan } from './cohort.rules';
import type { CohortState } from './cohort.state';

type ExistingCohort = Exclude<CohortState, { status: 'none' }>;

function planOf(state: ExistingCohort): CohortPlan {
  const { cohortId, courseId, title, capacity, applicationWindow, startsOn, endsOn } = state;
  return { cohortId, courseId, title, capacity, applicationWindow, startsOn, endsOn };
}

function planCohort(command: PlanCohort, state: CohortState): CohortEvent[] {
  const plan = normalizeCohortPlan(command.data);
  const { course } = command.data;
  if (course?.status !== 'drafted' || course.courseId !== plan.courseId) {
    throw new NotFoundError('COURSE.NOT_FOUND', `Course ${String(plan.courseId)} does not exist`, { courseId: plan.courseId });
  }
  if (state.status === 'none') {
    return [{ type: 'CohortPlanned', data: { ...plan, selectionPolicy: course.selectionPolicy } }];
  }
  // A retried request repeats the plan: success, not a conflict. The selection policy is left
  // out of the comparison: it comes from the course, which may have changed since.
  if (isDeepStrictEqual(planOf(state), plan)) return [];
  throw new IllegalStateError('COHORT.ALREADY_PLANNED', `Cohort ${plan.cohortId} is already planned with different data`, {
    cohortId: plan.cohortId,
  });
}

function notFound(cohortId: string): NotFoundError {
  return new NotFoundError('COHORT.NOT_FOUND', `Cohort ${cohortId} does not exist`, { cohortId });
}

function openApplications(command: OpenApplications, state: CohortState): CohortEvent[] {
  const { cohortId } = command.data;
  switch (state.status) {
    case 'none':
      throw notFound(cohortId);
    case 'planned':
      if (command.metadata.now.getTime() >= Date.parse(state.applicationWindow.closesAt)) {
        throw new IllegalStateError('COHORT.WINDOW_PASSED', `The application window of cohort ${cohortId} closed at ${state.applicationWindow.closesAt}`, {
          cohortId,
          closesAt: state.applicationWindow.closesAt,
        });
      }
      return [{ type: 'ApplicationsOpened', data: { cohortId: state.cohortId } }];
    case 'open':
      return [];
    case 'closed':
      throw new IllegalStateError('COHORT.APPLICATIONS_CLOSED', `Applications to cohort ${cohortId} are closed for good`, { cohortId });
  }
}

function closeApplications(command: CloseApplications, state: CohortState): CohortEvent[] {
  const { cohortId } = command.data;
  switch (state.status) {
    case 'none':
      throw notFound(cohortId);
    case 'planned':
      throw new IllegalStateError('COHORT.NOT_OPEN', `Applications to cohort ${cohortId} were never opened`, { cohortId });
    case 'open':
      return [{ type: 'ApplicationsClosed', data: { cohortId: state.cohortId } }];
    case 'closed':
      return [];
  }
}

export function decideCohort(command: CohortCommand, state: CohortState): readonly CohortEvent[] {
  switch (command.type) {
    case 'PlanCohort':
      return planCohort(command, state);
    case 'OpenApplications':
      return openApplications(command, state);
    case 'CloseApplications':
      return closeApplications(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`Unknown cohort command ${JSON.stringify(unknown)}`);
    }
  }
}

/** Folds only the transitions the lifecycle allows, so a stray or repeated event cannot move a cohort back. */
export function evolveCohort(state: CohortState, event: CohortEvent): CohortState {
  switch (event.type) {
    case 'CohortPlanned':
      return state.status === 'none' ? { status: 'planned', ...event.data } : state;
    case 'ApplicationsOpened':
      return state.status === 'planned' ? { ...state, status: 'open' } : state;
    case 'ApplicationsClosed':
      return state.status === 'open' ? { ...state, status: 'closed' } : state;
    default:
      return state;
  }
}

export const cohortDecider: Decider<CohortCommand, CohortEvent, CohortState> = {
  decide: decideCohort,
  evolve: evolveCohort,
  initialState: () => ({ status: 'none' }),
};
