import { DeciderSpecification, type ValidationError } from '@sooc/event-sourcing';
import { cohortDecider } from './cohort.decider';
import {
  COHORT_ID,
  cancelled,
  closed,
  command,
  completed,
  confirmed,
  learner,
  opened,
  planned,
  released,
  reserved,
  started,
  waitlisted,
} from '../testing/cohort.fixture';

const spec = DeciderSpecification(cohortDecider);
const [a1, a2, a3, a4] = [1, 2, 3, 4].map((n) => learner(n));
const start = command('StartCohort', {});
const complete = command('CompleteCohort', {});
const cancel = (reason = 'Room lost') => command('CancelCohort', { reason });
const openApps = command('OpenApplications', {});
const closeApps = command('CloseApplications', {});
const ref = (a: typeof a1) => ({ enrollmentId: a.enrollmentId, learnerId: a.learnerId });

const isPlanned = [planned(3)];
const isOpen = [...isPlanned, opened];
const isClosed = [...isOpen, reserved(a1), confirmed(a1), reserved(a2), reserved(a3), released(a3), closed];
const isRunning = [...isClosed, started];
const isCompleted = [...isRunning, completed];
const isCancelled = [...isOpen, cancelled];

describe('the cohort lifecycle', () => {
  describe('when none', () => {
    it('refuses every move: the cohort does not exist', () => {
      for (const cmd of [start, complete, cancel()])
        spec.given([]).when(cmd).thenThrows('COHORT.NOT_FOUND', 'not-found');
    });
  });

  describe('when planned', () => {
    it('refuses to start or complete: applications were never opened', () => {
      spec.given(isPlanned).when(start).thenThrows('COHORT.NOT_OPEN', 'illegal-state');
      spec.given(isPlanned).when(complete).thenThrows('COHORT.NOT_OPEN', 'illegal-state');
    });

    it('cancels, with nobody affected', () => {
      spec
        .given(isPlanned)
        .when(cancel('  Room lost '))
        .then([{ type: 'CohortCancelled', data: { cohortId: COHORT_ID, reason: 'Room lost', affected: [] } }]);
    });

    it.each([
      ['empty', ''],
      ['blank', '   '],
      ['of 501 characters', 'x'.repeat(501)],
    ])('refuses to cancel with a reason %s', (_label, reason) => {
      const error = spec
        .given(isPlanned)
        .when(cancel(reason))
        .thenThrows('COHORT.CANCEL_REASON_INVALID', 'validation') as ValidationError;
      expect(error.fields.map((f) => f.field)).toEqual(['reason']);
    });
  });

  describe('when open', () => {
    it('refuses to start while applications are open', () => {
      const error = spec.given(isOpen).when(start).thenThrows('COHORT.APPLICATIONS_STILL_OPEN', 'illegal-state');
      expect(error.details).toEqual({ cohortId: COHORT_ID, status: 'open' });
    });

    it('cancels, naming everyone holding a seat or a waitlist place', () => {
      const history = [
        ...isOpen,
        reserved(a1),
        confirmed(a1),
        reserved(a2),
        reserved(a3),
        released(a3),
        waitlisted(a4),
      ];
      spec
        .given(history)
        .when(cancel())
        .then([
          {
            type: 'CohortCancelled',
            data: { cohortId: COHORT_ID, reason: 'Room lost', affected: [ref(a1), ref(a2), ref(a4)] },
          },
        ]);
    });
  });

  describe('when closed', () => {
    // Issue 10 #4: nobody is left waiting or holding an open offer once the cohort runs.
    it('starts, naming the open offers and the waitlist it ends', () => {
      spec
        .given([...isClosed, waitlisted(a4)])
        .when(start)
        .then([{ type: 'CohortStarted', data: { cohortId: COHORT_ID, openOffers: [ref(a2)], waitlisted: [ref(a4)] } }]);
    });

    it('starts with nothing to end when every seat is confirmed and nobody waits', () => {
      spec
        .given([planned(3), opened, reserved(a1), confirmed(a1), closed])
        .when(start)
        .then([{ type: 'CohortStarted', data: { cohortId: COHORT_ID, openOffers: [], waitlisted: [] } }]);
    });

    it('refuses to complete before the start', () => {
      spec.given(isClosed).when(complete).thenThrows('COHORT.NOT_RUNNING', 'illegal-state');
    });
  });

  describe('when running', () => {
    it('changes nothing when started again', () => {
      spec.given(isRunning).when(start).thenNothing();
    });

    it('completes with the confirmed learners and the completion rule of its settings', () => {
      const configured = {
        type: 'CohortConfigured' as const,
        data: { cohortId: COHORT_ID, settings: { ...defaults(), sessions: 12, completionThreshold: 0.8 } },
      };
      spec
        .given([...isRunning, configured])
        .when(complete)
        .then([
          {
            type: 'CohortCompleted',
            data: { cohortId: COHORT_ID, sessions: 12, completionThreshold: 0.8, enrolled: [ref(a1)] },
          },
        ]);
    });

    it('refuses to reopen applications, and changes nothing when they are closed again', () => {
      spec.given(isRunning).when(openApps).thenThrows('COHORT.APPLICATIONS_CLOSED', 'illegal-state');
      spec.given(isRunning).when(closeApps).thenNothing();
    });

    it('can still be cancelled', () => {
      spec
        .given(isRunning)
        .when(cancel())
        .then([
          { type: 'CohortCancelled', data: { cohortId: COHORT_ID, reason: 'Room lost', affected: [ref(a1), ref(a2)] } },
        ]);
    });
  });

  describe('when completed', () => {
    it('changes nothing when completed again', () => {
      spec.given(isCompleted).when(complete).thenNothing();
    });

    it('refuses to start again or be cancelled', () => {
      spec.given(isCompleted).when(start).thenThrows('COHORT.ALREADY_COMPLETED', 'illegal-state');
      spec.given(isCompleted).when(cancel()).thenThrows('COHORT.ALREADY_COMPLETED', 'illegal-state');
    });
  });

  describe('when cancelled', () => {
    it('changes nothing when cancelled again or when applications are closed', () => {
      spec.given(isCancelled).when(cancel('Another reason')).thenNothing();
      spec.given(isCancelled).when(closeApps).thenNothing();
    });

    it('refuses every other move', () => {
      for (const cmd of [start, complete, openApps])
        spec.given(isCancelled).when(cmd).thenThrows('COHORT.CANCELLED', 'illegal-state');
    });

    it('stays cancelled whatever lifecycle event follows', () => {
      const state = [...isCancelled, closed, started, completed].reduce(
        cohortDecider.evolve,
        cohortDecider.initialState(),
      );
      expect(state.status).toBe('cancelled');
    });
  });
});

function defaults() {
  const state = isPlanned.reduce(cohortDecider.evolve, cohortDecider.initialState());
  if (state.status === 'none') throw new Error('planned cohort expected');
  return state.settings;
}
