import { enrollmentIdOf } from '@sooc/enrollment-domain';
import { OPEN_POOL, type CohortEvent, type CohortSettings, type LearnerLevel } from '@sooc/cohorts-domain';
import type { SelectionEvent } from '@sooc/selection-domain';
import { reviewer } from './enrollment-events.fixture';

type Of<T extends CohortEvent['type']> = Extract<CohortEvent, { type: T }>;
type Sel<T extends SelectionEvent['type']> = Extract<SelectionEvent, { type: T }>;

export const planned = (
  cohortId: string,
  selectionPolicy: 'first-come' | 'review' = 'review',
  capacity = 4,
): Of<'CohortPlanned'> => ({
  type: 'CohortPlanned',
  data: {
    cohortId,
    courseId: 'course-1',
    title: `Cohort ${cohortId}`,
    capacity,
    applicationWindow: { opensAt: '2026-03-10T08:00:00.000Z', closesAt: '2026-04-01T00:00:00.000Z' },
    startsOn: '2026-04-01',
    endsOn: '2026-05-31',
    selectionPolicy,
  },
});
export const opened = (cohortId: string): Of<'ApplicationsOpened'> => ({
  type: 'ApplicationsOpened',
  data: { cohortId },
});
export const closed = (cohortId: string): Of<'ApplicationsClosed'> => ({
  type: 'ApplicationsClosed',
  data: { cohortId },
});
export const started = (cohortId: string): Of<'CohortStarted'> => ({ type: 'CohortStarted', data: { cohortId } });
export const cohortCompleted = (cohortId: string): Of<'CohortCompleted'> => ({
  type: 'CohortCompleted',
  data: { cohortId, sessions: 10, completionThreshold: 0.7, enrolled: [] },
});
export const cohortCancelled = (cohortId: string): Of<'CohortCancelled'> => ({
  type: 'CohortCancelled',
  data: { cohortId, reason: 'too few applicants', affected: [] },
});
export const configured = (cohortId: string, settings: CohortSettings): Of<'CohortConfigured'> => ({
  type: 'CohortConfigured',
  data: { cohortId, settings },
});
export const quotaSet = (cohortId: string, companyId: string, seats: number, previous = 0): Of<'CompanyQuotaSet'> => ({
  type: 'CompanyQuotaSet',
  data: { cohortId, companyId, seats, previous },
});
export const capacityChanged = (cohortId: string, from: number, to: number): Of<'CapacityChanged'> => ({
  type: 'CapacityChanged',
  data: { cohortId, from, to },
});

const applicant = (
  cohortId: string,
  learnerId: string,
  companyId: string | null,
  level: LearnerLevel = 'intermediate',
) => ({
  enrollmentId: enrollmentIdOf(cohortId, learnerId),
  learnerId,
  companyId,
  level,
  cohortId,
});

export const seatReserved = (
  c: string,
  l: string,
  companyId: string | null,
  o: { pool?: string; promoted?: boolean; expiresAt?: string } = {},
): Of<'SeatReserved'> => ({
  type: 'SeatReserved',
  data: {
    ...applicant(c, l, companyId),
    pool: o.pool ?? companyId ?? OPEN_POOL,
    offerExpiresAt: o.expiresAt ?? '2026-03-20T08:00:00.000Z',
    promoted: o.promoted ?? false,
    reason: 'seat free',
  },
});
export const seatConfirmed = (c: string, l: string): Of<'SeatConfirmed'> => ({
  type: 'SeatConfirmed',
  data: { enrollmentId: enrollmentIdOf(c, l), learnerId: l, cohortId: c },
});
export const seatReleased = (c: string, l: string): Of<'SeatReleased'> => ({
  type: 'SeatReleased',
  data: { enrollmentId: enrollmentIdOf(c, l), learnerId: l, cohortId: c, reason: 'withdrawn' },
});
export const applicantWaitlisted = (
  c: string,
  l: string,
  companyId: string | null,
  score: number | null,
): Of<'ApplicantWaitlisted'> => ({
  type: 'ApplicantWaitlisted',
  data: { ...applicant(c, l, companyId), pool: companyId ?? OPEN_POOL, score, reason: 'no free seat' },
});
export const waitlistLeft = (c: string, l: string): Of<'WaitlistLeft'> => ({
  type: 'WaitlistLeft',
  data: { enrollmentId: enrollmentIdOf(c, l), learnerId: l, cohortId: c, reason: 'withdrawn' },
});
export const groupsFormed = (cohortId: string, formation: number, members: readonly string[]): Of<'GroupsFormed'> => ({
  type: 'GroupsFormed',
  data: {
    cohortId,
    formation,
    targetSize: 2,
    seed: `seed-${formation}`,
    groups: [
      { groupId: 'g1', members: members.map((l) => applicant(cohortId, l, null)).map(({ cohortId: _c, ...a }) => a) },
    ],
  },
});

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
