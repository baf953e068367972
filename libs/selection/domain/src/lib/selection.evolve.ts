import type { SelectionEvent } from './selection.events';
import type { SelectionState } from './selection.state';

export function evolveSelection(state: SelectionState, event: SelectionEvent): SelectionState {
  switch (event.type) {
    case 'RubricDefined': {
      const { cohortId, version, criteria, blind, reviewsRequired } = event.data;
      const rubric = { version, criteria, blind, reviewsRequired };
      if (state.status === 'none') return { status: 'active', cohortId, rubric, reviews: {}, decisions: {} };
      // Versions only go up: a replayed older rubric never replaces a newer one.
      return version > state.rubric.version ? { ...state, rubric } : state;
    }
    case 'ApplicationReviewed': {
      if (state.status === 'none') return state;
      const { enrollmentId, reviewerId, rubricVersion, scores, score, comment } = event.data;
      const reviews = { ...state.reviews[enrollmentId], [reviewerId]: { rubricVersion, scores, score, comment } };
      return { ...state, reviews: { ...state.reviews, [enrollmentId]: reviews } };
    }
    case 'ApplicationDecided': {
      if (state.status === 'none' || state.decisions[event.data.enrollmentId]) return state;
      const { enrollmentId, learnerId, companyId, level, decisionId, decision, record } = event.data;
      const entry = {
        decisionId,
        decision,
        applicant: { enrollmentId, learnerId, companyId, level },
        score: record.averageScore,
        order: Object.keys(state.decisions).length,
      };
      return { ...state, decisions: { ...state.decisions, [enrollmentId]: entry } };
    }
    default:
      return state;
  }
}
