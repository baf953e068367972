import { IllegalStateError, NotFoundError } from '@sooc/event-sourcing';
import type {
  CancelEnrollment,
  EndAtCohortStart,
  RecordDecision,
  RecordWaitlisting,
  SubmitApplication,
  WithdrawApplication,
  CohortSnapshot,
} from './enrollment.commands';
import type { EnrollmentEvent } from './enrollment.events';
import { isFinalEnrollmentStatus, type EnrollmentState } from './enrollment.state';
import { checkEnrollmentRef, normalizeDossier, normalizeReason, unmetPrerequisites } from './dossier.rules';
import { refOf, requireExisting } from './enrollment.rules';
import { NOT_ADMITTED_AT_START } from './enrollment-status.transitions';

export function submitApplication(command: SubmitApplication, state: EnrollmentState): EnrollmentEvent[] {
  const { enrollmentId, cohortId, learnerId, dossier, cohort } = command.data;
  // Checked first: the same learner applying twice hears "already applied", whatever else changed since.
  if (state.status !== 'none') {
    throw new IllegalStateError(
      'ENROLLMENT.ALREADY_SUBMITTED',
      `Learner ${state.learnerId} already applied to cohort ${state.cohortId}`,
      {
        enrollmentId: state.enrollmentId,
        status: state.status,
      },
    );
  }
  const ref = { enrollmentId, cohortId, learnerId };
  checkEnrollmentRef(ref);
  if (cohort.status === 'none')
    throw new NotFoundError('COHORT.NOT_FOUND', `Cohort ${cohortId} does not exist`, { cohortId });
  if (cohort.status !== 'open') {
    throw new IllegalStateError(
      'ENROLLMENT.APPLICATIONS_CLOSED',
      `Cohort ${cohortId} does not take applications (it is ${cohort.status})`,
      {
        cohortId,
        status: cohort.status,
      },
    );
  }
  checkWindow(cohortId, cohort.applicationWindow, command.metadata.now);
  const normalized = normalizeDossier(dossier);
  const unmet = unmetPrerequisites(cohort.prerequisites, normalized.prerequisitesMet);
  return [
    {
      type: 'ApplicationSubmitted',
      data: {
        ...ref,
        dossier: normalized,
        selectionPolicy: cohort.selectionPolicy,
        eligible: unmet.length === 0,
        unmetPrerequisites: unmet,
      },
    },
  ];
}

/**
 * The window is half-open, [opensAt, closesAt): an open cohort whose window has ended (the
 * reactor closes it at closesAt, maybe a moment later) takes no more applications, and neither
 * does one whose clock is before opensAt (opening early moves opensAt, so only a clock set back
 * meets this).
 */
function checkWindow(cohortId: string, window: CohortSnapshot['applicationWindow'], now: Date): void {
  if (window === null) return;
  const at = now.getTime();
  if (at >= Date.parse(window.opensAt) && at < Date.parse(window.closesAt)) return;
  const early = at < Date.parse(window.opensAt);
  throw new IllegalStateError(
    'ENROLLMENT.OUTSIDE_APPLICATION_WINDOW',
    early
      ? `Applications to cohort ${cohortId} open at ${window.opensAt}`
      : `Applications to cohort ${cohortId} closed at ${window.closesAt}`,
    { cohortId, opensAt: window.opensAt, closesAt: window.closesAt, now: now.toISOString() },
  );
}

const EVENT_OF_DECISION = {
  admit: 'ApplicationAdmitted',
  reject: 'ApplicationRejected',
  waitlist: 'ApplicationWaitlisted',
} as const;

export function recordDecision(command: RecordDecision, state: EnrollmentState): EnrollmentEvent[] {
  const existing = requireExisting(state, command.data);
  const { decision, by, reason, decisionId } = command.data;
  if (existing.decisionId === decisionId) return [];
  // The learner left (or was refused) while the selection decided: nothing to apply, and the
  // reactor carrying the decision must not get stuck on it.
  if (isFinalEnrollmentStatus(existing.status)) return [];
  if (existing.status !== 'submitted') {
    throw new IllegalStateError(
      'ENROLLMENT.NOT_DECIDABLE',
      `Application ${existing.enrollmentId} is ${existing.status}: it can no longer be decided`,
      {
        enrollmentId: existing.enrollmentId,
        status: existing.status,
      },
    );
  }
  return [{ type: EVENT_OF_DECISION[decision], data: { ...refOf(existing), by, reason, decisionId } }];
}

export function recordWaitlisting(command: RecordWaitlisting, state: EnrollmentState): EnrollmentEvent[] {
  const existing = requireExisting(state, command.data);
  // Waitlisted already, ended, or past the waitlist (offered, enrolled): the cohort's waitlisting
  // is an older fact the reactor re-delivers after a restart, so there is nothing to do.
  if (existing.status !== 'submitted' && existing.status !== 'admitted') return [];
  return [
    {
      type: 'ApplicationWaitlisted',
      data: { ...refOf(existing), by: command.metadata.actor, reason: command.data.reason, decisionId: null },
    },
  ];
}

export function withdrawApplication(command: WithdrawApplication, state: EnrollmentState): EnrollmentEvent[] {
  const existing = requireExisting(state, command.data);
  const { enrollmentId, status } = existing;
  if (status === 'withdrawn') return [];
  if (status === 'completed' || status === 'dropped') {
    throw new IllegalStateError('ENROLLMENT.ALREADY_FINISHED', `Enrollment ${enrollmentId} is already ${status}`, {
      enrollmentId,
      status,
    });
  }
  if (isFinalEnrollmentStatus(status)) {
    throw new IllegalStateError(
      'ENROLLMENT.NOT_WITHDRAWABLE',
      `Application ${enrollmentId} is ${status}: there is nothing to withdraw`,
      { enrollmentId, status },
    );
  }
  const reason = normalizeReason(command.data.reason);
  return [{ type: 'ApplicationWithdrawn', data: { ...refOf(existing), reason, from: status } }];
}

/**
 * Sent by the reactor for every applicant a cohort's start leaves out (waitlisted, or holding an
 * offer still open). The enrollment stream orders it against AcceptOffer: an offer accepted first
 * stays accepted, and a learner already out is left alone, so a repeat writes nothing.
 */
export function endAtCohortStart(command: EndAtCohortStart, state: EnrollmentState): EnrollmentEvent[] {
  if (state.status === 'none' || !NOT_ADMITTED_AT_START.includes(state.status)) return [];
  return [
    { type: 'ApplicationNotAdmitted', data: { ...refOf(state), reason: command.data.reason, from: state.status } },
  ];
}

/** Sent by the reactor for every applicant of a cancelled cohort: those already out are left alone. */
export function cancelEnrollment(command: CancelEnrollment, state: EnrollmentState): EnrollmentEvent[] {
  if (state.status === 'none' || isFinalEnrollmentStatus(state.status)) return [];
  return [{ type: 'EnrollmentCancelled', data: { ...refOf(state), reason: command.data.reason } }];
}
