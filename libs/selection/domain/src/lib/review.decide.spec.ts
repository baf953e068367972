import { DeciderSpecification, type ValidationError } from '@sooc/event-sourcing';
import { selectionDecider } from './selection.decider';
import { ADA, BOB, application, decided, review, reviewed, rubricDefined, seats } from '../testing/selection.fixture';

const spec = DeciderSpecification(selectionDecider);
const fieldsOf = (error: unknown) => (error as ValidationError).fields.map((f) => f.field);
const record = { rubricVersion: 1, reviews: [], averageScore: null, rank: null, rankedAmong: 0, seats };

describe('selection decider: reviews', () => {
  describe('when none', () => {
    it('refuses a review before the cohort has a rubric', () => {
      spec
        .given([])
        .when(review('rev-1', { motivation: 4, fit: 5 }))
        .thenThrows('SELECTION.NO_RUBRIC', 'illegal-state');
    });
  });

  describe('when a rubric is defined', () => {
    it('records the weighted score on 0..100, two decimals, in the rubric order', () => {
      spec
        .given([rubricDefined])
        .when(review('rev-1', { fit: 5, motivation: 4 }))
        .then([reviewed(ADA, 'rev-1', 4, 5, 86.67)]);
      spec
        .given([rubricDefined])
        .when(review('rev-1', { motivation: 0, fit: 0 }))
        .then([reviewed(ADA, 'rev-1', 0, 0, 0)]);
      spec
        .given([rubricDefined])
        .when(review('rev-1', { motivation: 5, fit: 5 }, { comment: ' Clear goals. ' }))
        .then([reviewed(ADA, 'rev-1', 5, 5, 100, 'Clear goals.')]);
    });

    it('refuses a review of an application that does not exist', () => {
      spec
        .given([rubricDefined])
        .when(review('rev-1', { motivation: 4, fit: 5 }, { application: null }))
        .thenThrows('ENROLLMENT.NOT_FOUND', 'not-found');
      spec
        .given([rubricDefined])
        .when(review('rev-1', { motivation: 4, fit: 5 }, { application: application(BOB) }))
        .thenThrows('ENROLLMENT.NOT_FOUND', 'not-found');
    });

    it.each(['ineligible', 'admitted', 'waitlisted', 'withdrawn'] as const)(
      'refuses to review an application that is %s',
      (status) => {
        const error = spec
          .given([rubricDefined])
          .when(review('rev-1', { motivation: 4, fit: 5 }, { application: application(ADA, status) }))
          .thenThrows('SELECTION.NOT_REVIEWABLE', 'illegal-state');
        expect(error.details).toEqual({ enrollmentId: ADA, status, decision: null });
      },
    );

    it.each([
      [['scores.fit'], { motivation: 4 }],
      [['scores.fit'], { motivation: 4, fit: 6 }],
      [['scores.motivation'], { motivation: -1, fit: 2 }],
      [['scores.motivation'], { motivation: 2.5, fit: 2 }],
      [['scores.motivation'], { motivation: '4', fit: 2 }],
      [['scores.clarity'], { motivation: 4, fit: 2, clarity: 3 }],
      [['scores.motivation', 'scores.fit'], {}],
    ])('refuses scores with problems in %p', (fields, scores) => {
      const error = spec
        .given([rubricDefined])
        .when(review('rev-1', scores))
        .thenThrows('SELECTION.SCORES_INVALID', 'validation');
      expect(fieldsOf(error)).toEqual(fields);
    });

    it('refuses a comment over 2000 characters, and a malformed reviewer id', () => {
      const long = spec
        .given([rubricDefined])
        .when(review('rev-1', { motivation: 4, fit: 5 }, { comment: 'x'.repeat(2001) }))
        .thenThrows('SELECTION.COMMENT_INVALID', 'validation');
      expect(fieldsOf(long)).toEqual(['comment']);
      spec
        .given([rubricDefined])
        .when(review('', { motivation: 4, fit: 5 }))
        .thenThrows('SELECTION.REVIEWER_INVALID', 'validation');
    });
  });

  describe('when reviewed', () => {
    const past = [rubricDefined, reviewed(ADA, 'rev-1', 4, 5, 86.67, 'Clear goals.')];

    it('changes nothing when the same reviewer repeats the same review', () => {
      spec
        .given(past)
        .when(review('rev-1', { motivation: 4, fit: 5 }, { comment: 'Clear goals. ' }))
        .thenNothing();
    });

    it('records a changed review, which replaces the earlier one', () => {
      spec
        .given(past)
        .when(review('rev-1', { motivation: 3, fit: 2 }, { comment: 'Clear goals.' }))
        .then([reviewed(ADA, 'rev-1', 3, 2, 53.33, 'Clear goals.')]);
      spec
        .given(past)
        .when(review('rev-1', { motivation: 4, fit: 5 }))
        .then([reviewed(ADA, 'rev-1', 4, 5, 86.67)]);
      const state = [...past, reviewed(ADA, 'rev-1', 3, 2, 53.33)].reduce(
        selectionDecider.evolve,
        selectionDecider.initialState(),
      );
      expect(state).toMatchObject({ reviews: { [ADA]: { 'rev-1': { score: 53.33, comment: null } } } });
    });

    it('records a second reviewer beside the first', () => {
      spec
        .given(past)
        .when(review('rev-2', { motivation: 5, fit: 5 }))
        .then([reviewed(ADA, 'rev-2', 5, 5, 100)]);
    });

    it('asks for a new review of the same scores under a new rubric version', () => {
      const v2 = { type: 'RubricDefined' as const, data: { ...rubricDefined.data, version: 2, blind: false } };
      spec
        .given([...past, v2])
        .when(review('rev-1', { motivation: 4, fit: 5 }, { comment: 'Clear goals.' }))
        .then([reviewed(ADA, 'rev-1', 4, 5, 86.67, 'Clear goals.', 2)]);
    });
  });

  describe('when decided', () => {
    const past = [
      rubricDefined,
      reviewed(ADA, 'rev-1', 4, 5, 86.67),
      reviewed(ADA, 'rev-2', 5, 5, 100),
      decided('admit', record),
    ];

    it('refuses a new review once decided, even before the enrollment has moved on', () => {
      const error = spec
        .given(past)
        .when(review('rev-3', { motivation: 1, fit: 1 }))
        .thenThrows('SELECTION.NOT_REVIEWABLE', 'illegal-state');
      expect(error.details).toEqual({ enrollmentId: ADA, status: 'submitted', decision: 'admit' });
    });

    it('changes nothing when a review is retried after the decision', () => {
      spec
        .given(past)
        .when(review('rev-2', { motivation: 5, fit: 5 }, { application: application(ADA, 'admitted') }))
        .thenNothing();
    });
  });
});
