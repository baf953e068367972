import { DeciderSpecification, SPEC_ACTOR, type ValidationError } from '@sooc/event-sourcing';
import { enrollmentDecider } from './enrollment.decider';
import type { Dossier } from './enrollment.events';
import {
  HISTORY,
  REVIEWER,
  SYSTEM,
  admitted,
  cancelled,
  command,
  dossier,
  ineligible,
  openCohort,
  ref,
  rejected,
  submitted,
  waitlistedByCohort,
  waitlistedByDecision,
  withdrawn,
} from '../testing/enrollment.fixture';

const spec = DeciderSpecification(enrollmentDecider);
const submit = (overrides: Partial<Record<keyof Dossier, unknown>> = {}, cohort = openCohort) =>
  command('SubmitApplication', { dossier: { ...dossier, ...overrides } as Dossier, cohort });
const decide = (decision: 'admit' | 'reject' | 'waitlist', decisionId = 'd-1', reason = 'strong motivation') =>
  command('RecordDecision', { decision, by: REVIEWER, reason, decisionId });
const fieldsOf = (error: unknown) => (error as ValidationError).fields.map((f) => f.field);

describe('enrollment decider: applications', () => {
  describe('when none', () => {
    it('submits an eligible application with the policy of the cohort', () => {
      spec.given([]).when(submit()).then([submitted]);
    });

    it('trims the motivation and matches prerequisites regardless of case and blanks', () => {
      spec
        .given([])
        .when(
          submit({
            motivation: '  I design event-sourced systems at work.\n',
            prerequisitesMet: [' typescript BASICS '],
          }),
        )
        .then([
          {
            type: 'ApplicationSubmitted',
            data: { ...submitted.data, dossier: { ...dossier, prerequisitesMet: ['typescript BASICS'] } },
          },
        ]);
    });

    it('records an application missing prerequisites as ineligible, naming them', () => {
      spec
        .given([])
        .when(submit({ prerequisitesMet: [] }))
        .then([ineligible]);
    });

    it('refuses an application to a cohort that does not exist', () => {
      spec
        .given([])
        .when(submit({}, { ...openCohort, status: 'none' }))
        .thenThrows('COHORT.NOT_FOUND', 'not-found');
    });

    it.each(['planned', 'closed', 'running', 'completed', 'cancelled'] as const)(
      'refuses an application while the cohort is %s',
      (status) => {
        const error = spec
          .given([])
          .when(submit({}, { ...openCohort, status }))
          .thenThrows('ENROLLMENT.APPLICATIONS_CLOSED', 'illegal-state');
        expect(error.details).toEqual({ cohortId: ref.cohortId, status });
      },
    );

    // Issue 10 #1: the window is half-open, [opensAt, closesAt).
    describe('the application window', () => {
      const window = { opensAt: '2026-03-10T00:00:00.000Z', closesAt: '2026-03-20T00:00:00.000Z' };
      const at = (iso: string) => ({
        ...submit({}, { ...openCohort, applicationWindow: window }),
        metadata: { now: new Date(iso), actor: SPEC_ACTOR },
      });

      it('takes an application from opensAt to just before closesAt', () => {
        for (const now of [window.opensAt, '2026-03-19T23:59:59.999Z']) {
          expect(enrollmentDecider.decide(at(now), enrollmentDecider.initialState())).toHaveLength(1);
        }
      });

      it.each([
        ['30 days before it opens', '2026-02-08T00:00:00.000Z'],
        ['a millisecond before it opens', '2026-03-09T23:59:59.999Z'],
        ['at closesAt, before the reactor closed the cohort', window.closesAt],
        ['after it closed', '2026-04-20T00:00:00.000Z'],
      ])('refuses an application %s', (_case, now) => {
        const error = spec.given([]).when(at(now)).thenThrows('ENROLLMENT.OUTSIDE_APPLICATION_WINDOW', 'illegal-state');
        expect(error.details).toEqual({ cohortId: ref.cohortId, ...window, now });
      });
    });

    it.each([
      ['dossier.motivation', { motivation: '   ' }],
      ['dossier.motivation', { motivation: 'x'.repeat(4001) }],
      ['dossier.level', { level: 'expert' }],
      ['dossier.companyId', { companyId: ' acme' }],
      ['dossier.companyId', { companyId: 'a'.repeat(129) }],
      ['dossier.answers', { answers: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`q${i}`, 'ok'])) }],
      ['dossier.answers.q2', { answers: { q1: 'fine', q2: 'x'.repeat(4001) } }],
      ['dossier.prerequisitesMet[1]', { prerequisitesMet: ['TypeScript basics', 42] }],
      ['dossier.shareWithCompany', { shareWithCompany: 'yes' }],
      ['dossier.shareWithCompany', { companyId: null, shareWithCompany: true }],
    ])('refuses a dossier with a bad %s', (field, overrides) => {
      const error = spec.given([]).when(submit(overrides)).thenThrows('ENROLLMENT.DOSSIER_INVALID', 'validation');
      expect(fieldsOf(error)).toEqual([field]);
    });

    it.each([
      ['dossier.motivation', { motivation: 'Half an emoji: \ud83d' }],
      ['dossier.answers.q1', { answers: { q1: '\udc00 orphan' } }],
    ])('refuses a lone UTF-16 surrogate in %s as TEXT.INVALID_UNICODE', (field, overrides) => {
      const error = spec.given([]).when(submit(overrides)).thenThrows('TEXT.INVALID_UNICODE', 'validation');
      expect(fieldsOf(error)).toEqual([field]);
    });

    it('counts the motivation in characters as users see them: 4000 emoji fit', () => {
      const [event] = enrollmentDecider.decide(
        submit({ motivation: '🎓'.repeat(4000) }),
        enrollmentDecider.initialState(),
      );
      expect(event).toMatchObject({
        type: 'ApplicationSubmitted',
        data: { dossier: { motivation: '🎓'.repeat(4000) } },
      });
      spec
        .given([])
        .when(submit({ motivation: '🎓'.repeat(4001) }))
        .thenThrows('ENROLLMENT.DOSSIER_INVALID');
    });

    it("records the learner's consent to be named to their company; without it, none", () => {
      const consenting = { ...submitted.data.dossier, shareWithCompany: true };
      spec
        .given([])
        .when(submit({ shareWithCompany: true }))
        .then([{ ...submitted, data: { ...submitted.data, dossier: consenting } }]);
      expect(submitted.data.dossier.shareWithCompany).toBe(false);
    });

    it('reports every bad dossier field at once', () => {
      const error = spec
        .given([])
        .when(submit({ motivation: '', level: 'guru', companyId: '' }))
        .thenThrows('ENROLLMENT.DOSSIER_INVALID');
      expect(fieldsOf(error)).toEqual(['dossier.motivation', 'dossier.level', 'dossier.companyId']);
    });

    it('accepts an independent learner with the longest motivation and no answers', () => {
      const long = { ...dossier, motivation: 'x'.repeat(4000), companyId: null, answers: {} };
      spec
        .given([])
        .when(submit(long))
        .then([{ type: 'ApplicationSubmitted', data: { ...submitted.data, dossier: long } }]);
    });

    it('refuses ids that would name the wrong stream', () => {
      const wrongId = { ...submit(), data: { ...submit().data, enrollmentId: 'c-spring-l-bob' } };
      expect(fieldsOf(spec.given([]).when(wrongId).thenThrows('ENROLLMENT.ID_INVALID', 'validation'))).toEqual([
        'enrollmentId',
      ]);
      const blankLearner = {
        ...submit(),
        data: { ...submit().data, learnerId: ' l-ada', enrollmentId: 'c-spring- l-ada' },
      };
      expect(fieldsOf(spec.given([]).when(blankLearner).thenThrows('ENROLLMENT.ID_INVALID', 'validation'))).toEqual([
        'learnerId',
      ]);
    });

    it('refuses decisions, waitlisting and withdrawal of an application that does not exist', () => {
      spec.given([]).when(decide('admit')).thenThrows('ENROLLMENT.NOT_FOUND', 'not-found');
      spec
        .given([])
        .when(command('RecordWaitlisting', { reason: 'no seat' }))
        .thenThrows('ENROLLMENT.NOT_FOUND', 'not-found');
      spec
        .given([])
        .when(command('WithdrawApplication', { reason: null }))
        .thenThrows('ENROLLMENT.NOT_FOUND', 'not-found');
    });

    it('changes nothing when cancelled', () => {
      spec
        .given([])
        .when(command('CancelEnrollment', { reason: 'cohort cancelled' }))
        .thenNothing();
    });
  });

  describe('when submitted', () => {
    it('refuses a second application, even an identical one', () => {
      spec.given([submitted]).when(submit()).thenThrows('ENROLLMENT.ALREADY_SUBMITTED', 'illegal-state');
      spec
        .given([submitted])
        .when(submit({}, { ...openCohort, status: 'closed' }))
        .thenThrows('ENROLLMENT.ALREADY_SUBMITTED', 'illegal-state');
    });

    it('records each selection decision with who decided and why', () => {
      spec.given([submitted]).when(decide('admit')).then([admitted]);
      spec
        .given([submitted])
        .when(decide('reject', 'd-1', 'off topic'))
        .then([rejected]);
      spec
        .given([submitted])
        .when(decide('waitlist', 'd-1', 'good, but others first'))
        .then([waitlistedByDecision]);
    });

    it('waitlists on behalf of the cohort, naming the actor and the reason', () => {
      spec
        .given([submitted])
        .when(command('RecordWaitlisting', { reason: 'no free seat (30/30 taken)' }, undefined, SYSTEM))
        .then([waitlistedByCohort]);
    });

    it('withdraws, remembering from where, with a trimmed reason', () => {
      spec
        .given([submitted])
        .when(command('WithdrawApplication', { reason: '  found another course ' }))
        .then([withdrawn('submitted', 'found another course')]);
      spec
        .given([submitted])
        .when(command('WithdrawApplication', { reason: '   ' }))
        .then([withdrawn('submitted')]);
    });

    it('refuses a withdrawal reason over 500 characters', () => {
      const error = spec
        .given([submitted])
        .when(command('WithdrawApplication', { reason: 'x'.repeat(501) }))
        .thenThrows('ENROLLMENT.REASON_INVALID', 'validation');
      expect(fieldsOf(error)).toEqual(['reason']);
    });

    it('is cancelled with the cohort', () => {
      spec
        .given([submitted])
        .when(command('CancelEnrollment', { reason: cancelled.data.reason }))
        .then([cancelled]);
    });
  });

  // Issue 10 #4: the cohort's start gives a final answer to whoever holds no accepted offer.
  describe('when its cohort starts', () => {
    const endAtStart = command('EndAtCohortStart', { reason: 'the cohort started with no seat for this application' });
    it.each(['submitted', 'admitted', 'waitlisted', 'offered'] as const)(
      'ends a %s application as not admitted',
      (from) => {
        spec
          .given(HISTORY[from])
          .when(endAtStart)
          .then([
            {
              type: 'ApplicationNotAdmitted',
              data: { ...ref, reason: 'the cohort started with no seat for this application', from },
            },
          ]);
      },
    );

    it('leaves an accepted offer, and every ended application, as they are; a repeat writes nothing', () => {
      for (const status of ['enrolled', 'completed', 'withdrawn', 'expired', 'cancelled', 'not-admitted'] as const)
        spec.given(HISTORY[status]).when(endAtStart).thenNothing();
      spec.given([]).when(endAtStart).thenNothing();
    });

    it('refuses to accept an offer the start ended', () => {
      spec
        .given([
          ...HISTORY.offered,
          { type: 'ApplicationNotAdmitted', data: { ...ref, reason: 'started', from: 'offered' } },
        ])
        .when(command('AcceptOffer', {}))
        .thenThrows('ENROLLMENT.NO_OPEN_OFFER');
    });
  });

  describe('when admitted or waitlisted', () => {
    it('changes nothing when the same decision is carried over again', () => {
      spec.given([submitted, admitted]).when(decide('admit')).thenNothing();
      spec.given([submitted, waitlistedByDecision]).when(decide('waitlist')).thenNothing();
      spec.given(HISTORY.enrolled).when(decide('admit')).thenNothing();
    });

    it('refuses another decision', () => {
      const error = spec
        .given([submitted, admitted])
        .when(decide('reject', 'd-2'))
        .thenThrows('ENROLLMENT.NOT_DECIDABLE', 'illegal-state');
      expect(error.details).toEqual({ enrollmentId: ref.enrollmentId, status: 'admitted' });
      spec.given(HISTORY.offered).when(decide('admit', 'd-2')).thenThrows('ENROLLMENT.NOT_DECIDABLE', 'illegal-state');
    });

    it('moves an admitted applicant to the waitlist when the cohort has no seat, and keeps a waitlisted one there', () => {
      const byCohort = { ...waitlistedByCohort, data: { ...waitlistedByCohort.data, by: SPEC_ACTOR } };
      spec
        .given([submitted, admitted])
        .when(command('RecordWaitlisting', { reason: waitlistedByCohort.data.reason }))
        .then([byCohort]);
      spec
        .given([submitted, waitlistedByDecision])
        .when(command('RecordWaitlisting', { reason: 'no seat' }))
        .thenNothing();
    });

    it('changes nothing for someone past the waitlist (a re-delivered waitlisting after a reactor restart)', () => {
      spec
        .given(HISTORY.offered)
        .when(command('RecordWaitlisting', { reason: 'no seat' }))
        .thenNothing();
      spec
        .given(HISTORY.enrolled)
        .when(command('RecordWaitlisting', { reason: 'no seat' }))
        .thenNothing();
    });

    it.each(['admitted', 'waitlisted', 'offered', 'enrolled'] as const)('withdraws from %s', (status) => {
      spec
        .given(HISTORY[status])
        .when(command('WithdrawApplication', { reason: null }))
        .then([withdrawn(status)]);
    });
  });

  describe('when ended', () => {
    it.each([
      'ineligible',
      'rejected',
      'declined',
      'expired',
      'completed',
      'dropped',
      'withdrawn',
      'cancelled',
    ] as const)('changes nothing on a late decision, waitlisting or cancellation when %s', (status) => {
      spec.given(HISTORY[status]).when(decide('admit', 'd-9')).thenNothing();
      spec
        .given(HISTORY[status])
        .when(command('RecordWaitlisting', { reason: 'no seat' }))
        .thenNothing();
      spec
        .given(HISTORY[status])
        .when(command('CancelEnrollment', { reason: 'cohort cancelled' }))
        .thenNothing();
    });

    it('changes nothing when withdrawn again', () => {
      spec
        .given(HISTORY.withdrawn)
        .when(command('WithdrawApplication', { reason: 'again' }))
        .thenNothing();
    });

    it.each(['completed', 'dropped'] as const)('refuses to withdraw once %s', (status) => {
      spec
        .given(HISTORY[status])
        .when(command('WithdrawApplication', { reason: null }))
        .thenThrows('ENROLLMENT.ALREADY_FINISHED', 'illegal-state');
    });

    it.each(['ineligible', 'rejected', 'declined', 'expired', 'cancelled'] as const)(
      'refuses to withdraw an application that is %s',
      (status) => {
        const error = spec
          .given(HISTORY[status])
          .when(command('WithdrawApplication', { reason: null }))
          .thenThrows('ENROLLMENT.NOT_WITHDRAWABLE', 'illegal-state');
        expect(error.details).toEqual({ enrollmentId: ref.enrollmentId, status });
      },
    );

    it('refuses a second application after the first ended', () => {
      spec.given(HISTORY.withdrawn).when(submit()).thenThrows('ENROLLMENT.ALREADY_SUBMITTED', 'illegal-state');
      spec.given([ineligible]).when(submit()).thenThrows('ENROLLMENT.ALREADY_SUBMITTED', 'illegal-state');
    });
  });
});
