import { DeciderSpecification, SPEC_ACTOR, type ValidationError } from '@sooc/event-sourcing';
import { enrollmentDecider } from './enrollment.decider';
import type { EnrollmentEvent } from './enrollment.events';
import { HISTORY, attendance, command, ref, runningCohort, withdrawn } from '../testing/enrollment.fixture';
import { requiredSessions } from './attendance.decide';

const spec = DeciderSpecification(enrollmentDecider);
const attend = (session: unknown, attended = true, cohort = runningCohort) =>
  command('RecordAttendance', { session: session as number, attended, cohort });
const complete = (sessions = 10, completionThreshold = 0.7) =>
  command('CompleteEnrollment', { sessions, completionThreshold });
const attendedFirst = (n: number): EnrollmentEvent[] => [
  ...HISTORY.enrolled,
  ...Array.from({ length: n }, (_, i) => attendance(i + 1, true)),
];

describe('enrollment decider: attendance and completion', () => {
  describe('when none', () => {
    it('refuses attendance of an application that does not exist', () => {
      spec.given([]).when(attend(1)).thenThrows('ENROLLMENT.NOT_FOUND', 'not-found');
    });

    it('changes nothing on completion', () => {
      spec.given([]).when(complete()).thenNothing();
    });
  });

  describe('when enrolled', () => {
    it('records attendance with who recorded it', () => {
      spec
        .given(HISTORY.enrolled)
        .when(attend(1))
        .then([attendance(1, true, SPEC_ACTOR)]);
      spec
        .given(HISTORY.enrolled)
        .when(attend(10, false))
        .then([attendance(10, false)]);
    });

    it('changes nothing when the same attendance is recorded again, and records a correction', () => {
      spec
        .given([...HISTORY.enrolled, attendance(3, true)])
        .when(attend(3, true))
        .thenNothing();
      spec
        .given([...HISTORY.enrolled, attendance(3, true)])
        .when(attend(3, false))
        .then([attendance(3, false)]);
    });

    it.each([0, 11, 2.5, '1'])('refuses session %p', (session) => {
      const error = spec
        .given(HISTORY.enrolled)
        .when(attend(session))
        .thenThrows('ENROLLMENT.SESSION_INVALID', 'validation');
      expect((error as ValidationError).fields.map((f) => f.field)).toEqual(['session']);
    });

    it('refuses an attendance that is neither true nor false', () => {
      const error = spec
        .given(HISTORY.enrolled)
        .when(command('RecordAttendance', { session: 1, attended: 'yes' as unknown as boolean, cohort: runningCohort }))
        .thenThrows('ENROLLMENT.ATTENDANCE_INVALID', 'validation');
      expect((error as ValidationError).fields.map((f) => f.field)).toEqual(['attended']);
    });

    it.each(['open', 'closed', 'completed', 'cancelled'] as const)(
      'refuses attendance while the cohort is %s',
      (status) => {
        const error = spec
          .given(HISTORY.enrolled)
          .when(attend(1, true, { ...runningCohort, status }))
          .thenThrows('ENROLLMENT.COHORT_NOT_RUNNING', 'illegal-state');
        expect(error.details).toEqual({ cohortId: ref.cohortId, status });
      },
    );

    it('completes a learner who attended enough sessions', () => {
      spec
        .given(attendedFirst(7))
        .when(complete())
        .then([{ type: 'EnrollmentCompleted', data: { ...ref, attendedSessions: 7, sessions: 10 } }]);
    });

    it('drops a learner below the threshold, saying by how much', () => {
      spec
        .given([...attendedFirst(6), attendance(6, false), attendance(7, false)])
        .when(complete())
        .then([
          {
            type: 'LearnerDropped',
            data: { ...ref, attendedSessions: 5, sessions: 10, reason: 'attended 5 of 10 sessions, 7 required' },
          },
        ]);
    });

    it('ignores sessions beyond those the cohort finally held', () => {
      spec
        .given(attendedFirst(8))
        .when(complete(4, 1))
        .then([{ type: 'EnrollmentCompleted', data: { ...ref, attendedSessions: 4, sessions: 4 } }]);
    });
  });

  describe('when not enrolled', () => {
    it.each(['submitted', 'admitted', 'offered', 'completed', 'dropped', 'withdrawn'] as const)(
      'refuses attendance when %s',
      (status) => {
        const error = spec
          .given(HISTORY[status])
          .when(attend(1))
          .thenThrows('ENROLLMENT.NOT_ENROLLED', 'illegal-state');
        expect(error.details).toEqual({ enrollmentId: ref.enrollmentId, status });
      },
    );

    it.each(['submitted', 'offered', 'completed', 'dropped', 'withdrawn', 'cancelled'] as const)(
      'changes nothing on completion when %s',
      (status) => {
        spec.given(HISTORY[status]).when(complete()).thenNothing();
      },
    );

    it('forgets nothing of the attendance when the learner withdraws', () => {
      const state = [...attendedFirst(2), withdrawn('enrolled')].reduce(
        enrollmentDecider.evolve,
        enrollmentDecider.initialState(),
      );
      expect(state).toMatchObject({ status: 'withdrawn', attendance: { '1': true, '2': true } });
    });
  });
});

describe('requiredSessions', () => {
  it('rounds up, without floating-point surprises', () => {
    expect(requiredSessions(10, 0.7)).toBe(7);
    expect(requiredSessions(10, 0.3)).toBe(3);
    expect(requiredSessions(3, 0.5)).toBe(2);
    expect(requiredSessions(10, 1)).toBe(10);
  });
});
