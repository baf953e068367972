import { ForbiddenError, type Actor, type CommandResult } from '@sooc/event-sourcing';
import type { Rubric, SelectionEvent, SelectionState } from '@sooc/selection-domain';
import type { DecisionView, ReviewView } from './selection.outcomes';

/** Until authentication lands the actor comes from the development headers; an anonymous caller can't sign a review. */
export function reviewerOf(actor: Actor): string {
  if (actor.role === 'anonymous') {
    throw new ForbiddenError(
      'SELECTION.REVIEWER_REQUIRED',
      'A review must be signed by a known reviewer: the request has no actor',
    );
  }
  return actor.id;
}

/** After a successful command the round exists; anything else is a bug in the decider. */
function active(state: SelectionState): Extract<SelectionState, { status: 'active' }> {
  if (state.status !== 'active') throw new Error('The selection round is missing after a successful command');
  return state;
}

export function currentRubric(state: SelectionState): Rubric {
  return active(state).rubric;
}

/** The reviewer's review as it stands: the one just written, or the identical one a repeat found. */
export function reviewIn(state: SelectionState, enrollmentId: string, reviewerId: string): ReviewView {
  const review = active(state).reviews[enrollmentId]?.[reviewerId];
  if (!review) throw new Error(`The review of ${enrollmentId} by ${reviewerId} is missing after a successful command`);
  return { enrollmentId, reviewerId, ...review };
}

/** The decision just written, or null when the command repeated one already taken (nothing written). */
export function decisionWritten(
  result: CommandResult<SelectionEvent, SelectionState>,
  enrollmentId: string,
): DecisionView | null {
  for (const event of result.events) {
    if (event.type === 'ApplicationDecided' && event.data.enrollmentId === enrollmentId) {
      const { cohortId: _cohortId, ...decision } = event.data;
      return decision;
    }
  }
  return null;
}
