import { isDeepStrictEqual } from 'node:util';
import { IllegalStateError, FieldProblems, isWellFormedId } from '@sooc/event-sourcing';
import type { DefineRubric } from './selection.commands';
import type { SelectionEvent } from './selection.events';
import type { SelectionState } from './selection.state';
import { normalizeRubric } from './rubric.rules';

export function defineRubric(command: DefineRubric, state: SelectionState): SelectionEvent[] {
  const { cohortId, selectionPolicy } = command.data;
  if (selectionPolicy !== 'review') {
    throw new IllegalStateError(
      'SELECTION.NOT_A_REVIEW_COHORT',
      `Cohort ${cohortId} admits first come, first served: it has no rubric`,
      { cohortId, selectionPolicy },
    );
  }
  const problems = new FieldProblems();
  problems.require(
    isWellFormedId(cohortId),
    'cohortId',
    'SELECTION.ID_INVALID',
    'cohortId is required, without surrounding blanks',
  );
  problems.throwIfAny('The rubric cannot be defined');
  const rubric = normalizeRubric(command.data);
  if (state.status === 'none') return [{ type: 'RubricDefined', data: { cohortId, version: 1, ...rubric } }];
  const { version, ...current } = state.rubric;
  // A retried request: success, not a new version reviewers would have to notice.
  if (isDeepStrictEqual(current, rubric)) return [];
  return [{ type: 'RubricDefined', data: { cohortId: state.cohortId, version: version + 1, ...rubric } }];
}
