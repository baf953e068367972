import { enrollmentIdOf } from '@sooc/enrollment-domain/published';
import { reviewer } from '@sooc/enrollment-domain/testing';
import type { SelectionEvent } from '../lib/selection.events';

/** Selection events by cohort and learner id, for the read models' specs of every context (`@sooc/selection-domain/testing`). */
type Sel<T extends SelectionEvent['type']> = Extract<SelectionEvent, { type: T }>;

export const rubricDefined = (cohortId: string, version: number, blind = true): Sel<'RubricDefined'> => ({
  type: 'RubricDefined',
  data: {
    cohortId,
    version,
    criteria: [
      { id: 'motivation', label: 'Motivation', weight: 2 },
      { id: 'fit', label: 'Fit', weight: 1 },
    ],
    blind,
    reviewsRequired: 2,
  },
});
export const reviewed = (
  cohortId: string,
  learnerId: string,
  reviewerId: string,
  score: number,
  comment: string | null = null,
): Sel<'ApplicationReviewed'> => ({
  type: 'ApplicationReviewed',
  data: {
    cohortId,
    enrollmentId: enrollmentIdOf(cohortId, learnerId),
    reviewerId,
    rubricVersion: 1,
    scores: { motivation: 4, fit: 3 },
    score,
    comment,
  },
});
export const decided = (
  cohortId: string,
  learnerId: string,
  decision: 'admit' | 'reject' | 'waitlist',
): Sel<'ApplicationDecided'> => ({
  type: 'ApplicationDecided',
  data: {
    cohortId,
    enrollmentId: enrollmentIdOf(cohortId, learnerId),
    learnerId,
    companyId: null,
    level: 'intermediate',
    decisionId: `dec-${learnerId}`,
    decision,
    reason: 'ranked first',
    decidedBy: reviewer,
    record: {
      rubricVersion: 1,
      reviews: [{ reviewerId: 'rev-1', rubricVersion: 1, score: 80 }],
      averageScore: 80,
      rank: 1,
      rankedAmong: 3,
      seats: { capacity: 4, reserved: 1, confirmed: 0, free: 3, waitlisted: 0, quota: null, freeInPool: 3 },
    },
  },
});
