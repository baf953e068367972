import { DeciderSpecification, type ValidationError } from '@sooc/event-sourcing';
import { selectionDecider } from './selection.decider';
import { criteria, defineRubric, rubricDefined } from '../testing/selection.fixture';

const spec = DeciderSpecification(selectionDecider);
const fieldsOf = (error: unknown) => (error as ValidationError).fields.map((f) => f.field);
const twelve = Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, label: `Criterion ${i}`, weight: 1 }));

describe('selection decider: rubric', () => {
  describe('when none', () => {
    it('defines the first version of the rubric, labels trimmed', () => {
      spec
        .given([])
        .when(defineRubric({ criteria: [{ ...criteria[0], label: '  Motivation ' }, criteria[1]] }))
        .then([rubricDefined]);
    });

    it('accepts the bounds: 12 criteria, weights up to 100, 1 to 10 reviews', () => {
      spec
        .given([])
        .when(defineRubric({ criteria: twelve, reviewsRequired: 10 }))
        .then([{ type: 'RubricDefined', data: { ...rubricDefined.data, criteria: twelve, reviewsRequired: 10 } }]);
      const heavy = [{ id: 'x', label: 'X', weight: 100 }];
      spec
        .given([])
        .when(defineRubric({ criteria: heavy, reviewsRequired: 1 }))
        .then([{ type: 'RubricDefined', data: { ...rubricDefined.data, criteria: heavy, reviewsRequired: 1 } }]);
    });

    it('refuses a rubric for a first-come cohort', () => {
      spec
        .given([])
        .when(defineRubric({ selectionPolicy: 'first-come' }))
        .thenThrows('SELECTION.NOT_A_REVIEW_COHORT', 'illegal-state');
    });

    it.each([
      ['criteria', { criteria: [] }],
      ['criteria', { criteria: [...twelve, { id: 'c12', label: 'One too many', weight: 1 }] }],
      ['criteria[1].id', { criteria: [criteria[0], { ...criteria[1], id: 'motivation' }] }],
      ['criteria[0].id', { criteria: [{ ...criteria[0], id: ' motivation' }] }],
      ['criteria[0].label', { criteria: [{ ...criteria[0], label: '  ' }] }],
      ['criteria[0].label', { criteria: [{ ...criteria[0], label: 'x'.repeat(201) }] }],
      ['criteria[1].weight', { criteria: [criteria[0], { ...criteria[1], weight: 0 }] }],
      ['criteria[1].weight', { criteria: [criteria[0], { ...criteria[1], weight: 100.5 }] }],
      ['criteria[1].weight', { criteria: [criteria[0], { ...criteria[1], weight: Number.POSITIVE_INFINITY }] }],
      ['reviewsRequired', { reviewsRequired: 0 }],
      ['reviewsRequired', { reviewsRequired: 11 }],
      ['reviewsRequired', { reviewsRequired: 1.5 }],
    ])('refuses a rubric with a bad %s', (field, overrides) => {
      const error = spec.given([]).when(defineRubric(overrides)).thenThrows('SELECTION.RUBRIC_INVALID', 'validation');
      expect(fieldsOf(error)).toEqual([field]);
    });

    it('refuses a cohort id that cannot name a stream', () => {
      const error = spec
        .given([])
        .when(defineRubric({ cohortId: ' c-spring' }))
        .thenThrows('SELECTION.ID_INVALID', 'validation');
      expect(fieldsOf(error)).toEqual(['cohortId']);
    });

    it('reports every bad field at once', () => {
      const error = spec
        .given([])
        .when(defineRubric({ criteria: [{ id: '', label: '', weight: -1 }], reviewsRequired: 0 }))
        .thenThrows('SELECTION.RUBRIC_INVALID');
      expect(fieldsOf(error)).toEqual(['criteria[0].id', 'criteria[0].label', 'criteria[0].weight', 'reviewsRequired']);
    });
  });

  describe('when a rubric is defined', () => {
    it('changes nothing when the same rubric is defined again', () => {
      spec.given([rubricDefined]).when(defineRubric()).thenNothing();
      spec
        .given([rubricDefined])
        .when(defineRubric({ criteria: [{ ...criteria[0], label: 'Motivation ' }, criteria[1]] }))
        .thenNothing();
    });

    it('defines a new version when anything changes', () => {
      spec
        .given([rubricDefined])
        .when(defineRubric({ blind: false }))
        .then([{ type: 'RubricDefined', data: { ...rubricDefined.data, version: 2, blind: false } }]);
      const reweighted = [criteria[0], { ...criteria[1], weight: 3 }];
      spec
        .given([rubricDefined, { type: 'RubricDefined', data: { ...rubricDefined.data, version: 2, blind: false } }])
        .when(defineRubric({ criteria: reweighted }))
        .then([{ type: 'RubricDefined', data: { ...rubricDefined.data, version: 3, criteria: reweighted } }]);
    });

    it('refuses an invalid new version', () => {
      spec
        .given([rubricDefined])
        .when(defineRubric({ reviewsRequired: 0 }))
        .thenThrows('SELECTION.RUBRIC_INVALID', 'validation');
    });

    it('ignores a replayed older version', () => {
      const v2 = { type: 'RubricDefined' as const, data: { ...rubricDefined.data, version: 2, blind: false } };
      const state = [rubricDefined, v2, rubricDefined].reduce(selectionDecider.evolve, selectionDecider.initialState());
      expect(state).toMatchObject({ rubric: { version: 2, blind: false } });
    });
  });
});
