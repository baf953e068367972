import type { CohortSettings, LearnerLevel } from '../lib/cohort-settings';
import type { CohortEvent } from '../lib/cohort.events';
import { OPEN_POOL } from '../lib/seat-ledger.types';

/**
 * Cohort events by cohort and learner id, for the read models' specs of every context
 * (`@sooc/cohorts-domain/testing`). The decider's own specs use cohort.fixture.ts.
 */
type Of<T extends CohortEvent['type']> = Extract<CohortEvent, { type: T }>;

/** The enrollment's id scheme (`enrollmentIdOf`), which the cohort only ever receives: `<cohortId>-<learnerId>`. */
const enrollmentIdOf = (cohortId: string, learnerId: string) => `${cohortId}-${learnerId}`;

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
