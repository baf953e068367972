import type { LearnerLevel } from '@sooc/cohorts-domain/published';
import type { Actor } from '@sooc/event-sourcing';
import type { EnrollmentEvent } from '../lib/enrollment.events';
import { enrollmentIdOf } from '../lib/streams';

/**
 * Enrollment events by cohort and learner id, for the read models' specs of every context
 * (`@sooc/enrollment-domain/testing`). The decider’s own specs use enrollment.fixture.ts.
 */

type Of<T extends EnrollmentEvent['type']> = Extract<EnrollmentEvent, { type: T }>;

export const reviewer: Actor = { id: 'rev-1', role: 'reviewer' };
export const system: Actor = { id: 'system', role: 'system' };

export const ref = (cohortId: string, learnerId: string) => ({
  enrollmentId: enrollmentIdOf(cohortId, learnerId),
  cohortId,
  learnerId,
});

export interface SubmitOptions {
  readonly companyId?: string | null;
  readonly level?: LearnerLevel;
  readonly eligible?: boolean;
  readonly selectionPolicy?: 'first-come' | 'review';
}

export const submitted = (cohortId: string, learnerId: string, o: SubmitOptions = {}): Of<'ApplicationSubmitted'> => ({
  type: 'ApplicationSubmitted',
  data: {
    ...ref(cohortId, learnerId),
    dossier: {
      name: null,
      email: null,
      motivation: `I am ${learnerId}`,
      level: o.level ?? 'intermediate',
      companyId: o.companyId ?? null,
      shareWithCompany: false,
      answers: { why: 'to learn' },
      prerequisitesMet: o.eligible === false ? [] : ['TypeScript'],
    },
    selectionPolicy: o.selectionPolicy ?? 'review',
    eligible: o.eligible ?? true,
    unmetPrerequisites: o.eligible === false ? ['TypeScript'] : [],
  },
});

const note = (reason: string, decisionId: string | null = null) => ({ by: reviewer, reason, decisionId });

export const admitted = (
  c: string,
  l: string,
  reason = 'strong dossier',
  decisionId: string | null = 'd-1',
): Of<'ApplicationAdmitted'> => ({
  type: 'ApplicationAdmitted',
  data: { ...ref(c, l), ...note(reason, decisionId) },
});
export const rejected = (c: string, l: string, reason = 'not a fit'): Of<'ApplicationRejected'> => ({
  type: 'ApplicationRejected',
  data: { ...ref(c, l), ...note(reason) },
});
export const waitlisted = (
  c: string,
  l: string,
  reason = 'no free seat (30/30 taken)',
): Of<'ApplicationWaitlisted'> => ({
  type: 'ApplicationWaitlisted',
  data: { ...ref(c, l), by: system, reason, decisionId: null },
});
export const offered = (
  c: string,
  l: string,
  expiresAt = '2026-03-20T08:00:00.000Z',
  promotedFromWaitlist = false,
): Of<'SeatOffered'> => ({
  type: 'SeatOffered',
  data: { ...ref(c, l), expiresAt, promotedFromWaitlist, reason: 'seat free' },
});
export const accepted = (c: string, l: string): Of<'OfferAccepted'> => ({ type: 'OfferAccepted', data: ref(c, l) });
export const declined = (c: string, l: string): Of<'OfferDeclined'> => ({
  type: 'OfferDeclined',
  data: { ...ref(c, l), reason: 'found another course' },
});
export const expired = (c: string, l: string): Of<'OfferExpired'> => ({
  type: 'OfferExpired',
  data: { ...ref(c, l), expiresAt: '2026-03-20T08:00:00.000Z' },
});
export const attended = (c: string, l: string, session: number, value = true): Of<'AttendanceRecorded'> => ({
  type: 'AttendanceRecorded',
  data: { ...ref(c, l), session, attended: value, by: { id: 'fac-1', role: 'facilitator' } },
});
export const completed = (c: string, l: string, attendedSessions = 8): Of<'EnrollmentCompleted'> => ({
  type: 'EnrollmentCompleted',
  data: { ...ref(c, l), attendedSessions, sessions: 10 },
});
export const dropped = (c: string, l: string): Of<'LearnerDropped'> => ({
  type: 'LearnerDropped',
  data: { ...ref(c, l), attendedSessions: 3, sessions: 10, reason: 'attended 3 of 10 sessions, 7 required' },
});
export const withdrawn = (c: string, l: string, from = 'submitted'): Of<'ApplicationWithdrawn'> => ({
  type: 'ApplicationWithdrawn',
  data: { ...ref(c, l), reason: 'changed my plans', from },
});
export const cancelled = (c: string, l: string): Of<'EnrollmentCancelled'> => ({
  type: 'EnrollmentCancelled',
  data: { ...ref(c, l), reason: 'cohort cancelled' },
});
