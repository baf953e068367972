import fc from 'fast-check';
import { DomainError } from '@sooc/event-sourcing';
import { SCORE_MAX } from './selection.events';
import { selectionDecider } from './selection.decider';
import { ranking } from './selection.ranking';
import { round2, weightedScore } from './review.rules';
import { ADA, BOB, CY, criteria, enrollmentOf, review, reviewed, rubricDefined } from '../testing/selection.fixture';

const fold = (events: Parameters<typeof selectionDecider.evolve>[1][]) =>
  events.reduce(selectionDecider.evolve, selectionDecider.initialState());

describe('ranking', () => {
  it('is empty before any rubric or review', () => {
    expect(ranking(selectionDecider.initialState())).toEqual([]);
    expect(ranking(fold([rubricDefined]))).toEqual([]);
  });

  it('orders by average score, best first, ties sharing the better rank and listed by enrollment id', () => {
    const state = fold([
      rubricDefined,
      reviewed(CY, 'rev-1', 4, 4, 80),
      reviewed(ADA, 'rev-1', 3, 2, 53.33),
      reviewed(BOB, 'rev-1', 5, 2, 80),
      reviewed(ADA, 'rev-2', 5, 5, 100),
    ]);
    expect(ranking(state)).toEqual([
      { enrollmentId: BOB, averageScore: 80, reviews: 1, rank: 1 },
      { enrollmentId: CY, averageScore: 80, reviews: 1, rank: 1 },
      { enrollmentId: ADA, averageScore: 76.67, reviews: 2, rank: 3 },
    ]);
  });
});

describe('scores', () => {
  it('round to two decimals as a person would', () => {
    expect(round2(93.335)).toBe(93.34);
    expect(round2(86.66666666666667)).toBe(86.67);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2e-10)).toBe(0);
  });

  it('are the weighted mean on 0..100', () => {
    expect(weightedScore(criteria, { motivation: SCORE_MAX, fit: 0 })).toBe(66.67);
  });
});

const learner = fc.constantFrom('l-1', 'l-2', 'l-3', 'l-4', 'l-5', 'l-6');
const score = fc.integer({ min: 0, max: SCORE_MAX });
const reviewCommand = fc
  .record({ learnerId: learner, reviewerId: fc.constantFrom('rev-1', 'rev-2', 'rev-3'), motivation: score, fit: score })
  .map(({ learnerId, reviewerId, motivation, fit }) =>
    review(reviewerId, { motivation, fit }, { enrollmentId: enrollmentOf(learnerId) }),
  );

describe('ranking over random reviews', () => {
  it('is a competition ranking of the averages of every reviewed application', () => {
    fc.assert(
      fc.property(fc.array(reviewCommand, { maxLength: 40, size: 'max' }), (commands) => {
        let state = fold([rubricDefined]);
        for (const command of commands) {
          try {
            state = selectionDecider.decide(command, state).reduce(selectionDecider.evolve, state);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
        }
        const ranked = ranking(state);
        const reviewedIds = new Set(commands.map((c) => c.data.enrollmentId));
        expect(ranked.map((r) => r.enrollmentId).sort()).toEqual([...reviewedIds].sort());
        for (const entry of ranked) {
          expect(entry.rank).toBe(1 + ranked.filter((other) => other.averageScore > entry.averageScore).length);
          expect(entry.averageScore).toBeGreaterThanOrEqual(0);
          expect(entry.averageScore).toBeLessThanOrEqual(100);
        }
        ranked.forEach((entry, i) => {
          if (i > 0) expect(entry.rank).toBeGreaterThanOrEqual(ranked[i - 1].rank);
        });
      }),
      { numRuns: 300 },
    );
  });
});
