import { SPEC_NOW } from '@sooc/event-sourcing';
import type { LearnerLevel } from '../lib/cohort-settings';
import type { CohortCommand } from '../lib/cohort.commands';
import type { CohortEvent, CohortPlanned, SeatReserved } from '../lib/cohort.events';
import { OPEN_POOL, type Applicant, type SeatReleaseReason } from '../lib/seat-ledger.types';

/** Given-events for cohort specs: facts as the decider would have recorded them, reasons aside. */
export const COHORT_ID = 'c-spring';
const cohortId = COHORT_ID;

/** SPEC_NOW plus the default 72-hour offer. */
export const OFFER_EXPIRES = new Date(SPEC_NOW.getTime() + 72 * 3_600_000).toISOString();

export function planned(capacity = 4, selectionPolicy: 'first-come' | 'review' = 'first-come'): CohortPlanned {
  return {
    type: 'CohortPlanned',
    data: {
      cohortId,
      courseId: 'course-ddd',
      title: 'Spring 2026',
      capacity,
      applicationWindow: { opensAt: '2026-03-10T08:00:00.000Z', closesAt: '2026-04-01T00:00:00.000Z' },
      startsOn: '2026-04-01',
      endsOn: '2026-05-31',
      selectionPolicy,
    },
  };
}

export const opened: CohortEvent = { type: 'ApplicationsOpened', data: { cohortId } };
export const closed: CohortEvent = { type: 'ApplicationsClosed', data: { cohortId } };
export const started: CohortEvent = { type: 'CohortStarted', data: { cohortId } };
export const cancelled: CohortEvent = {
  type: 'CohortCancelled',
  data: { cohortId, reason: 'Room lost', affected: [] },
};
export const completed: CohortEvent = {
  type: 'CohortCompleted',
  data: { cohortId, sessions: 10, completionThreshold: 0.7, enrolled: [] },
};

export function learner(n: number, companyId: string | null = null, level: LearnerLevel = 'beginner'): Applicant {
  return { enrollmentId: `e-${n}`, learnerId: `l-${n}`, companyId, level };
}

export function reserved(
  a: Applicant,
  options: { pool?: string; promoted?: boolean; reason?: string } = {},
): SeatReserved {
  const { pool = a.companyId ?? OPEN_POOL, promoted = false, reason = 'seat free on arrival' } = options;
  return { type: 'SeatReserved', data: { cohortId, ...a, pool, offerExpiresAt: OFFER_EXPIRES, promoted, reason } };
}

export function waitlisted(
  a: Applicant,
  score: number | null = null,
  options: { pool?: string; reason?: string } = {},
): CohortEvent {
  const { pool = a.companyId ?? OPEN_POOL, reason = 'no free seat' } = options;
  return { type: 'ApplicantWaitlisted', data: { cohortId, ...a, pool, score, reason } };
}

export const confirmed = (a: Applicant): CohortEvent => ({
  type: 'SeatConfirmed',
  data: { cohortId, enrollmentId: a.enrollmentId, learnerId: a.learnerId },
});

export const released = (a: Applicant, reason: SeatReleaseReason = 'withdrawn'): CohortEvent => ({
  type: 'SeatReleased',
  data: { cohortId, enrollmentId: a.enrollmentId, learnerId: a.learnerId, reason },
});

export const left = (a: Applicant, reason: SeatReleaseReason = 'withdrawn'): CohortEvent => ({
  type: 'WaitlistLeft',
  data: { cohortId, enrollmentId: a.enrollmentId, learnerId: a.learnerId, reason },
});

export const quotaSet = (companyId: string, seats: number, previous = 0): CohortEvent => ({
  type: 'CompanyQuotaSet',
  data: { cohortId, companyId, seats, previous },
});

export const capacityChanged = (from: number, to: number): CohortEvent => ({
  type: 'CapacityChanged',
  data: { cohortId, from, to },
});

/** A seated learner: reserved then confirmed. */
export const seated = (a: Applicant): CohortEvent[] => [reserved(a), confirmed(a)];

type Data<T extends CohortCommand['type']> = Omit<Extract<CohortCommand, { type: T }>['data'], 'cohortId'>;

/** A command without metadata (the spec adds SPEC_NOW and SPEC_ACTOR), for this cohort. */
export function command<T extends CohortCommand['type']>(type: T, data: Data<T>) {
  return { type, data: { cohortId, ...data } } as unknown as Omit<Extract<CohortCommand, { type: T }>, 'metadata'>;
}

export const admit = (a: Applicant, score: number | null = null) => command('AdmitApplicant', { applicant: a, score });
export const waitlist = (a: Applicant, score: number | null = null) =>
  command('WaitlistApplicant', { applicant: a, score });
export const release = (a: Applicant, reason: SeatReleaseReason = 'withdrawn') =>
  command('ReleaseSeat', { enrollmentId: a.enrollmentId, reason });
export const confirm = (a: Applicant) => command('ConfirmSeat', { enrollmentId: a.enrollmentId });
