import { DeciderSpecification, SPEC_ACTOR, SPEC_NOW, type ValidationError } from '@sooc/event-sourcing';
import { cohortDecider } from './cohort.decider';
import type { CohortEvent } from './cohort.events';
import {
  admit,
  closed,
  completed,
  cancelled,
  learner,
  opened,
  planned,
  quotaSet,
  released,
  reserved,
  started,
  waitlist,
  waitlisted,
} from '../testing/cohort.fixture';

const spec = DeciderSpecification(cohortDecider);
const [a1, a2, a3, a4, a5] = [1, 2, 3, 4, 5].map((n) => learner(n));
const acme = (n: number) => learner(n, 'acme');
const isOpen = [planned(4), opened];
const full = [...isOpen, ...[a1, a2, a3, a4].map((a) => reserved(a))];

describe('AdmitApplicant and WaitlistApplicant', () => {
  describe('when none', () => {
    it('refuses: the cohort does not exist', () => {
      spec.given([]).when(admit(a1)).thenThrows('COHORT.NOT_FOUND', 'not-found');
    });
  });

  describe('when planned', () => {
    it('refuses: applications are not taken yet', () => {
      const error = spec
        .given([planned(4)])
        .when(admit(a1))
        .thenThrows('COHORT.NOT_ACCEPTING', 'illegal-state');
      expect(error.details).toMatchObject({ status: 'planned' });
      spec
        .given([planned(4)])
        .when(waitlist(a1))
        .thenThrows('COHORT.NOT_ACCEPTING', 'illegal-state');
    });
  });

  describe('when open', () => {
    it('seats an applicant on arrival while a seat is free', () => {
      spec
        .given(isOpen)
        .when(admit(a1))
        .then([reserved(a1, { reason: 'seat free on arrival (0/4 taken)' })]);
      spec
        .given([...isOpen, reserved(a1)])
        .when(admit(a2))
        .then([reserved(a2, { reason: 'seat free on arrival (1/4 taken)' })]);
    });

    it('seats a company learner from their quota', () => {
      spec
        .given([...isOpen, quotaSet('acme', 2)])
        .when(admit(acme(1)))
        .then([reserved(acme(1), { reason: 'seat free in the quota of acme on arrival (0/2 used)' })]);
    });

    it('seats a learner of a company without quota in the open seats', () => {
      const globex = learner(1, 'globex');
      spec
        .given(isOpen)
        .when(admit(globex))
        .then([reserved(globex, { pool: 'open', reason: 'seat free on arrival (0/4 taken)' })]);
    });

    it('waitlists when every seat is taken', () => {
      spec
        .given(full)
        .when(admit(a5))
        .then([waitlisted(a5, null, { reason: 'no free seat (4/4 taken)' })]);
    });

    it('waitlists a company learner whose quota is used, even with open seats free', () => {
      spec
        .given([...isOpen, quotaSet('acme', 1), reserved(acme(1))])
        .when(admit(acme(2)))
        .then([waitlisted(acme(2), null, { reason: 'quota of acme used (1/1)' })]);
    });

    // Issue 10 #2: a decision applied carries the ledger it met, beside the decision's own record.
    it('records, on the event answering a selection decision, the seats the ledger applied it to', () => {
      const given = [...isOpen, quotaSet('acme', 1), reserved(acme(1))];
      const quotaUsed = {
        capacity: 4,
        reserved: 1,
        confirmed: 0,
        free: 3,
        waitlisted: 0,
        quota: { companyId: 'acme', seats: 1, used: 1 },
        freeInPool: 0,
      };
      spec
        .given(given)
        .when({ ...admit(acme(2)), data: { ...admit(acme(2)).data, decisionId: 'd-9' } })
        .then([
          {
            ...waitlisted(acme(2), null, { reason: 'quota of acme used (1/1)' }),
            data: {
              ...waitlisted(acme(2), null, { reason: 'quota of acme used (1/1)' }).data,
              appliedDecision: { decisionId: 'd-9', seats: quotaUsed },
            },
          } as CohortEvent,
        ]);
      const [seated] = cohortDecider.decide(
        {
          ...admit(a2),
          data: { ...admit(a2).data, decisionId: 'd-1' },
          metadata: { now: SPEC_NOW, actor: SPEC_ACTOR },
        },
        given.reduce(cohortDecider.evolve, cohortDecider.initialState()),
      );
      expect(seated).toMatchObject({
        type: 'SeatReserved',
        data: { appliedDecision: { decisionId: 'd-1', seats: { quota: null, freeInPool: 3, reserved: 1 } } },
      });
    });

    it('waitlists an open-seat learner when the open seats are used, even with quota seats free', () => {
      spec
        .given([...isOpen, quotaSet('acme', 2), reserved(a1), reserved(a2)])
        .when(admit(a3))
        .then([waitlisted(a3, null, { reason: 'no free open seat (2/2 taken; the other 2 are company quotas)' })]);
    });

    it('names the learners waiting ahead in arrival order', () => {
      spec
        .given([...full, waitlisted(learner(6)), waitlisted(learner(7))])
        .when(admit(a5))
        .then([waitlisted(a5, null, { reason: '2 learners wait ahead' })]);
    });

    it('ranks by score under review: a better score waits ahead of worse ones, an equal one behind', () => {
      const review = [
        planned(4, 'review'),
        opened,
        ...[a1, a2, a3, a4].map((a) => reserved(a)),
        waitlisted(learner(6), 70),
        waitlisted(learner(7), null),
      ];
      spec
        .given(review)
        .when(admit(a5, 80))
        .then([waitlisted(a5, 80, { reason: 'no free seat (4/4 taken)' })]);
      spec
        .given(review)
        .when(admit(a5, 70))
        .then([waitlisted(a5, 70, { reason: '1 learner waits ahead' })]);
      spec
        .given(review)
        .when(admit(a5, null))
        .then([waitlisted(a5, null, { reason: '2 learners wait ahead' })]);
    });

    it('changes nothing for an applicant the ledger already knows, even after their seat was released', () => {
      spec
        .given([...isOpen, reserved(a1)])
        .when(admit(a1))
        .thenNothing();
      spec
        .given([...isOpen, reserved(a1), released(a1)])
        .when(admit(a1))
        .thenNothing();
      spec
        .given([...full, waitlisted(a5)])
        .when(waitlist(a5))
        .thenNothing();
    });

    it('takes ids that happen to name Object properties like any other', () => {
      const odd = {
        enrollmentId: 'constructor',
        learnerId: 'toString',
        companyId: 'hasOwnProperty',
        level: 'advanced' as const,
      };
      spec
        .given(isOpen)
        .when(admit(odd))
        .then([reserved(odd, { pool: 'open', reason: 'seat free on arrival (0/4 taken)' })]);
    });

    it('refuses a malformed applicant, naming every bad field', () => {
      const bad = { enrollmentId: ' e-1', learnerId: '', companyId: '', level: 'expert' } as never;
      const error = spec
        .given(isOpen)
        .when(admit(bad, 101))
        .thenThrows('COHORT.APPLICANT_INVALID', 'validation') as ValidationError;
      expect(error.fields.map((f) => f.field)).toEqual([
        'applicant.enrollmentId',
        'applicant.learnerId',
        'applicant.companyId',
        'applicant.level',
        'score',
      ]);
    });

    it.each([-1, 100.5, Number.NaN])('refuses the score %p', (score) => {
      spec.given(isOpen).when(admit(a1, score)).thenThrows('COHORT.SCORE_INVALID', 'validation');
    });

    it('queues a waitlist decision behind those already waiting', () => {
      spec
        .given([...full, waitlisted(learner(6))])
        .when(waitlist(a5))
        .then([waitlisted(a5, null, { reason: 'waitlisted by decision; 1 learner waits ahead' })]);
    });

    it('offers a free seat at once to a learner waitlisted by decision: nobody waits beside a free seat', () => {
      spec
        .given(isOpen)
        .when(waitlist(a1, 55))
        .then([
          waitlisted(a1, 55, { reason: 'waitlisted by decision; first in line' }),
          reserved(a1, { promoted: true, reason: 'promoted: seat free in the open seats' }),
        ]);
    });
  });

  describe('when closed', () => {
    it('still seats and waitlists: review decisions arrive after the window', () => {
      spec
        .given([...isOpen, closed])
        .when(admit(a1))
        .then([reserved(a1, { reason: 'seat free on arrival (0/4 taken)' })]);
      spec
        .given([...full, closed])
        .when(admit(a5))
        .then([waitlisted(a5, null, { reason: 'no free seat (4/4 taken)' })]);
    });
  });

  describe.each([
    ['running', [started]],
    ['completed', [started, completed]],
    ['cancelled', [cancelled]],
  ])('when %s', (status, after) => {
    const history = [...isOpen, reserved(a1), closed, ...after];

    it('refuses newcomers', () => {
      const error = spec.given(history).when(admit(a2)).thenThrows('COHORT.NOT_ACCEPTING', 'illegal-state');
      expect(error.details).toEqual({ cohortId: 'c-spring', status });
      spec.given(history).when(waitlist(a2)).thenThrows('COHORT.NOT_ACCEPTING', 'illegal-state');
    });

    it('changes nothing for a repeated admission', () => {
      spec.given(history).when(admit(a1)).thenNothing();
    });
  });
});
