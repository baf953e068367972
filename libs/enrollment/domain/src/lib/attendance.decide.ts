import { IllegalStateError, FieldProblems, isIntegerBetween } from '@sooc/event-sourcing';
import type { CompleteEnrollment, RecordAttendance } from './enrollment.commands';
import type { EnrollmentEvent } from './enrollment.events';
import type { EnrollmentState } from './enrollment.state';
import { refOf, requireExisting } from './enrollment.rules';

/**
 * Sessions a learner must attend to complete. The small epsilon keeps a threshold such as 0.3 of
 * 10 sessions at 3 (0.3 × 10 is 3.0000000000000004 in binary floating point).
 */
export function requiredSessions(sessions: number, completionThreshold: number): number {
  return Math.max(0, Math.ceil(sessions * completionThreshold - 1e-9));
}

/** Sessions outside 1..sessions don't count: a cohort may have planned fewer sessions since. */
export function attendedSessions(attendance: Readonly<Record<string, boolean>>, sessions: number): number {
  return Object.entries(attendance).filter(
    ([session, attended]) => attended && isIntegerBetween(Number(session), 1, sessions),
  ).length;
}

export function recordAttendance(command: RecordAttendance, state: EnrollmentState): EnrollmentEvent[] {
  const existing = requireExisting(state, command.data);
  const { session, attended, cohort } = command.data;
  if (existing.status !== 'enrolled') {
    throw new IllegalStateError(
      'ENROLLMENT.NOT_ENROLLED',
      `Application ${existing.enrollmentId} is ${existing.status}: only enrolled learners attend`,
      {
        enrollmentId: existing.enrollmentId,
        status: existing.status,
      },
    );
  }
  if (cohort.status !== 'running') {
    throw new IllegalStateError(
      'ENROLLMENT.COHORT_NOT_RUNNING',
      `Cohort ${existing.cohortId} is ${cohort.status}: attendance is recorded while it runs`,
      {
        cohortId: existing.cohortId,
        status: cohort.status,
      },
    );
  }
  const problems = new FieldProblems();
  problems.require(
    isIntegerBetween(session, 1, cohort.sessions),
    'session',
    'ENROLLMENT.SESSION_INVALID',
    `session must be a whole number from 1 to ${cohort.sessions}`,
  );
  problems.require(
    typeof attended === 'boolean',
    'attended',
    'ENROLLMENT.ATTENDANCE_INVALID',
    'attended must be true or false',
  );
  problems.throwIfAny('The attendance cannot be recorded');
  if (existing.attendance[String(session)] === attended) return [];
  return [{ type: 'AttendanceRecorded', data: { ...refOf(existing), session, attended, by: command.metadata.actor } }];
}

/** Sent by the reactor for each enrolled learner when the cohort completes; anyone else is left alone. */
export function completeEnrollment(command: CompleteEnrollment, state: EnrollmentState): EnrollmentEvent[] {
  if (state.status !== 'enrolled') return [];
  const { sessions, completionThreshold } = command.data;
  const attended = attendedSessions(state.attendance, sessions);
  const required = requiredSessions(sessions, completionThreshold);
  if (attended >= required)
    return [{ type: 'EnrollmentCompleted', data: { ...refOf(state), attendedSessions: attended, sessions } }];
  return [
    {
      type: 'LearnerDropped',
      data: {
        ...refOf(state),
        attendedSessions: attended,
        sessions,
        reason: `attended ${attended} of ${sessions} sessions, ${required} required`,
      },
    },
  ];
}
