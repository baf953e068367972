import { SPEC_ACTOR, SPEC_NOW, type Actor } from '@sooc/event-sourcing';
import type { CohortSnapshot, EnrollmentCommand } from '../lib/enrollment.commands';
import type {
  ApplicationAdmitted,
  ApplicationRejected,
  ApplicationSubmitted,
  ApplicationWaitlisted,
  ApplicationWithdrawn,
  AttendanceRecorded,
  Dossier,
  EnrollmentCancelled,
  EnrollmentEvent,
  OfferAccepted,
  OfferDeclined,
  OfferExpired,
  SeatOffered,
} from '../lib/enrollment.events';
import type { EnrollmentStatus } from '../lib/enrollment.state';

export const ref = { enrollmentId: 'c-spring-l-ada', cohortId: 'c-spring', learnerId: 'l-ada' } as const;
export const REVIEWER: Actor = { id: 'rev-1', role: 'reviewer' };
export const SYSTEM: Actor = { id: 'system', role: 'system' };
export const LEARNER: Actor = { id: 'l-ada', role: 'learner' };

export const dossier: Dossier = {
  name: 'Ada Lovelace',
  email: 'ada@example.org',
  motivation: 'I design event-sourced systems at work.',
  level: 'intermediate',
  companyId: 'acme',
  shareWithCompany: false,
  answers: { q1: 'Yes' },
  prerequisitesMet: ['TypeScript basics'],
};
export const openCohort: CohortSnapshot = {
  status: 'open',
  selectionPolicy: 'review',
  prerequisites: ['TypeScript basics'],
  sessions: 10,
  // SPEC_NOW (2026-03-03T09:00Z) is inside it.
  applicationWindow: { opensAt: '2026-03-01T00:00:00.000Z', closesAt: '2026-04-01T00:00:00.000Z' },
};
export const runningCohort: CohortSnapshot = { ...openCohort, status: 'running' };

/** SPEC_NOW is 2026-03-03T09:00Z: this offer is still open then. */
export const EXPIRES_AT = '2026-03-06T09:00:00.000Z';
export const AFTER_EXPIRY = new Date(EXPIRES_AT);

export const submitted: ApplicationSubmitted = {
  type: 'ApplicationSubmitted',
  data: { ...ref, dossier, selectionPolicy: 'review', eligible: true, unmetPrerequisites: [] },
};
export const submittedFirstCome: ApplicationSubmitted = {
  type: 'ApplicationSubmitted',
  data: { ...submitted.data, selectionPolicy: 'first-come' },
};
export const ineligible: ApplicationSubmitted = {
  type: 'ApplicationSubmitted',
  data: {
    ...ref,
    dossier: { ...dossier, prerequisitesMet: [] },
    selectionPolicy: 'review',
    eligible: false,
    unmetPrerequisites: ['TypeScript basics'],
  },
};
const note = { by: REVIEWER, reason: 'strong motivation', decisionId: 'd-1' };
export const admitted: ApplicationAdmitted = { type: 'ApplicationAdmitted', data: { ...ref, ...note } };
export const rejected: ApplicationRejected = {
  type: 'ApplicationRejected',
  data: { ...ref, ...note, reason: 'off topic' },
};
export const waitlistedByDecision: ApplicationWaitlisted = {
  type: 'ApplicationWaitlisted',
  data: { ...ref, ...note, reason: 'good, but others first' },
};
export const waitlistedByCohort: ApplicationWaitlisted = {
  type: 'ApplicationWaitlisted',
  data: { ...ref, by: SYSTEM, reason: 'no free seat (30/30 taken)', decisionId: null },
};
export const offered: SeatOffered = {
  type: 'SeatOffered',
  data: { ...ref, expiresAt: EXPIRES_AT, promotedFromWaitlist: false, reason: 'seat free on arrival (12/30 taken)' },
};
export const accepted: OfferAccepted = { type: 'OfferAccepted', data: ref };
export const declined: OfferDeclined = { type: 'OfferDeclined', data: { ...ref, reason: null } };
export const expired: OfferExpired = { type: 'OfferExpired', data: { ...ref, expiresAt: EXPIRES_AT } };
export const attendance = (session: number, attended: boolean, by: Actor = SPEC_ACTOR): AttendanceRecorded => ({
  type: 'AttendanceRecorded',
  data: { ...ref, session, attended, by },
});
export const withdrawn = (from: EnrollmentStatus, reason: string | null = null): ApplicationWithdrawn => ({
  type: 'ApplicationWithdrawn',
  data: { ...ref, reason, from },
});
export const cancelled: EnrollmentCancelled = {
  type: 'EnrollmentCancelled',
  data: { ...ref, reason: 'cohort cancelled: too few applicants' },
};

/** Histories that lead to each status, for specs that run a command across many of them. */
export const HISTORY: Record<EnrollmentStatus, readonly EnrollmentEvent[]> = {
  submitted: [submitted],
  ineligible: [ineligible],
  admitted: [submitted, admitted],
  rejected: [submitted, rejected],
  waitlisted: [submitted, waitlistedByDecision],
  offered: [submitted, admitted, offered],
  enrolled: [submitted, admitted, offered, accepted],
  declined: [submitted, admitted, offered, declined],
  expired: [submitted, admitted, offered, expired],
  completed: [
    submitted,
    admitted,
    offered,
    accepted,
    { type: 'EnrollmentCompleted', data: { ...ref, attendedSessions: 0, sessions: 0 } },
  ],
  dropped: [
    submitted,
    admitted,
    offered,
    accepted,
    {
      type: 'LearnerDropped',
      data: { ...ref, attendedSessions: 0, sessions: 10, reason: 'attended 0 of 10 sessions, 7 required' },
    },
  ],
  withdrawn: [submitted, withdrawn('submitted')],
  cancelled: [submitted, cancelled],
  'not-admitted': [
    submitted,
    waitlistedByDecision,
    { type: 'ApplicationNotAdmitted', data: { ...ref, reason: 'the cohort started', from: 'waitlisted' } },
  ],
};

type Data<T extends EnrollmentCommand['type']> = Omit<
  Extract<EnrollmentCommand, { type: T }>['data'],
  keyof typeof ref
>;

/** A command for the fixture's enrollment; `now` and `actor` default to the spec's. */
export function command<T extends EnrollmentCommand['type']>(
  type: T,
  data: Data<T>,
  now: Date = SPEC_NOW,
  actor: Actor = SPEC_ACTOR,
) {
  return { type, data: { ...ref, ...data }, metadata: { now, actor } } as unknown as Extract<
    EnrollmentCommand,
    { type: T }
  >;
}
