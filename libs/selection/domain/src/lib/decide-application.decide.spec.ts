import { DeciderSpecification, type ValidationError } from '@sooc/event-sourcing';
import type { DecisionRecord } from './selection.events';
import { selectionDecider } from './selection.decider';
import {
  ADA,
  BOB,
  CY,
  application,
  decide,
  cohortOf,
  decided,
  emptyCohort,
  fullCohort,
  fullCohortState,
  fullQuota,
  openCohort,
  quotaUsedCohort,
  reviewed,
  rubricDefined,
  seats,
} from '../testing/selection.fixture';

const spec = DeciderSpecification(selectionDecider);
const fieldsOf = (error: unknown) => (error as ValidationError).fields.map((f) => f.field);

// ADA averages 93.34 (86.67 and 100), BOB 80, CY 53.33 with a single review.
const reviews = [
  rubricDefined,
  reviewed(ADA, 'rev-1', 4, 5, 86.67),
  reviewed(ADA, 'rev-2', 5, 5, 100),
  reviewed(BOB, 'rev-2', 4, 4, 80),
  reviewed(BOB, 'rev-1', 5, 2, 80),
  reviewed(CY, 'rev-1', 3, 2, 53.33),
];
const adaRecord: DecisionRecord = {
  rubricVersion: 1,
  reviews: [
    { reviewerId: 'rev-1', rubricVersion: 1, score: 86.67 },
    { reviewerId: 'rev-2', rubricVersion: 1, score: 100 },
  ],
  averageScore: 93.34,
  rank: 1,
  rankedAmong: 3,
  seats,
};

describe('selection decider: decisions', () => {
  describe('when none', () => {
    it('refuses to decide before the cohort has a rubric', () => {
      spec.given([]).when(decide('admit')).thenThrows('SELECTION.NO_RUBRIC', 'illegal-state');
    });

    it('refuses decisions in a first-come cohort', () => {
      spec
        .given([])
        .when(decide('admit', { cohort: { ...openCohort, selectionPolicy: 'first-come' } }))
        .thenThrows('SELECTION.FIRST_COME_COHORT', 'illegal-state');
    });

    it('refuses to decide an application that does not exist', () => {
      spec
        .given([])
        .when(decide('admit', { application: null }))
        .thenThrows('ENROLLMENT.NOT_FOUND', 'not-found');
    });
  });

  describe('when reviewed', () => {
    it('admits with a record of the rubric, every review, the rank and the seats', () => {
      spec
        .given(reviews)
        .when(decide('admit', { reason: '  strong motivation ' }))
        .then([decided('admit', adaRecord)]);
    });

    it('rejects or waitlists the same way', () => {
      spec
        .given(reviews)
        .when(decide('reject'))
        .then([decided('reject', adaRecord)]);
      spec
        .given(reviews)
        .when(decide('waitlist'))
        .then([decided('waitlist', adaRecord)]);
    });

    it('ranks against every reviewed application, ties sharing the better rank', () => {
      const bob = {
        ...adaRecord,
        reviews: [
          { reviewerId: 'rev-1', rubricVersion: 1, score: 80 },
          { reviewerId: 'rev-2', rubricVersion: 1, score: 80 },
        ],
        averageScore: 80,
        rank: 2,
      };
      spec
        .given(reviews)
        .when(decide('admit', { enrollmentId: BOB, application: application(BOB) }))
        .then([decided('admit', bob, BOB)]);
      const tied = [...reviews, reviewed(CY, 'rev-1', 4, 4, 80), reviewed(CY, 'rev-2', 4, 4, 80)];
      const cy = { ...bob, rank: 2 };
      spec
        .given(tied)
        .when(decide('admit', { enrollmentId: CY, application: application(CY) }))
        .then([decided('admit', cy, CY)]);
    });

    it('refuses to decide before the rubric’s reviews are in', () => {
      const error = spec
        .given(reviews)
        .when(decide('admit', { enrollmentId: CY, application: application(CY) }))
        .thenThrows('SELECTION.NOT_ENOUGH_REVIEWS', 'illegal-state');
      expect(error.details).toEqual({ enrollmentId: CY, have: 1, need: 2 });
    });

    it.each(['ineligible', 'withdrawn', 'admitted'] as const)(
      'refuses to decide an application that is %s',
      (status) => {
        const error = spec
          .given(reviews)
          .when(decide('admit', { application: application(ADA, status) }))
          .thenThrows('SELECTION.NOT_DECIDABLE', 'illegal-state');
        expect(error.details).toEqual({ enrollmentId: ADA, status });
      },
    );

    it.each(['', '   ', 'x'.repeat(501)])('refuses the reason %p', (reason) => {
      const error = spec
        .given(reviews)
        .when(decide('reject', { reason }))
        .thenThrows('SELECTION.REASON_INVALID', 'validation');
      expect(fieldsOf(error)).toEqual(['reason']);
    });

    it('refuses an unknown decision', () => {
      spec
        .given(reviews)
        .when(decide('maybe' as 'admit'))
        .thenThrows('SELECTION.DECISION_INVALID', 'validation');
    });

    it('refuses to admit over a used-up company quota, saying to waitlist instead', () => {
      const error = spec
        .given(reviews)
        .when(decide('admit', { cohort: quotaUsedCohort }))
        .thenThrows('SELECTION.NO_SEAT_IN_POOL', 'illegal-state');
      expect(error.message).toMatch(/quota of acme is used \(5\/5\).*waitlist it instead/);
      expect(error.details).toEqual({ enrollmentId: ADA, freeInPool: 0, quota: fullQuota.quota, pendingDecisions: 0 });
    });

    it('refuses to admit into a full cohort, saying to waitlist instead', () => {
      const error = spec
        .given(reviews)
        .when(decide('admit', { cohort: fullCohortState }))
        .thenThrows('SELECTION.NO_SEAT_IN_POOL', 'illegal-state');
      expect(error.message).toMatch(/no open seat is free \(30\/30 taken\).*waitlist it instead/);
    });

    it('waitlists or rejects even when no seat is free, keeping the seats in the record', () => {
      spec
        .given(reviews)
        .when(decide('waitlist', { cohort: quotaUsedCohort }))
        .then([decided('waitlist', { ...adaRecord, seats: fullQuota })]);
      spec
        .given(reviews)
        .when(decide('reject', { cohort: fullCohortState }))
        .then([decided('reject', { ...adaRecord, seats: fullCohort })]);
    });
  });

  describe('when decided', () => {
    const past = [...reviews, decided('admit', adaRecord)];

    it('changes nothing when the same decision is retried, whatever the enrollment did since', () => {
      spec.given(past).when(decide('admit')).thenNothing();
      spec
        .given(past)
        .when(
          decide('admit', { decisionId: 'd-2', application: application(ADA, 'withdrawn'), cohort: fullCohortState }),
        )
        .thenNothing();
    });

    it('keeps the first decision when a second one is replayed', () => {
      const state = [...past, decided('reject', adaRecord, ADA, 'd-2')].reduce(
        selectionDecider.evolve,
        selectionDecider.initialState(),
      );
      expect(state).toMatchObject({ decisions: { [ADA]: { decisionId: 'd-1', decision: 'admit' } } });
    });

    it('refuses a different decision', () => {
      const error = spec
        .given(past)
        .when(decide('reject', { decisionId: 'd-2' }))
        .thenThrows('SELECTION.ALREADY_DECIDED', 'illegal-state');
      expect(error.details).toEqual({ enrollmentId: ADA, decision: 'admit', decisionId: 'd-1' });
    });

    it('still decides the other applications, ranking the decided ones too', () => {
      const bob = {
        ...adaRecord,
        reviews: [
          { reviewerId: 'rev-1', rubricVersion: 1, score: 80 },
          { reviewerId: 'rev-2', rubricVersion: 1, score: 80 },
        ],
        averageScore: 80,
        rank: 2,
        // ada's admit, not yet applied to the ledger as read, holds a seat in the record.
        seats: { ...seats, reserved: 11, free: 14, freeInPool: 14 },
      };
      spec
        .given(past)
        .when(decide('waitlist', { enrollmentId: BOB, application: application(BOB) }))
        .then([decided('waitlist', bob, BOB)]);
    });
  });

  // Issue 10 #2: quota of 1, two ADMITs back to back both recorded `used: 0, freeInPool: 1`, and
  // the second applicant ended WAITLISTED under an ADMIT.
  describe('when earlier decisions are not yet applied to the ledger', () => {
    const acmeOfOne = emptyCohort(1);
    const adaAdmitted = decided('admit', {
      ...adaRecord,
      seats: {
        capacity: 30,
        reserved: 0,
        confirmed: 0,
        free: 30,
        waitlisted: 0,
        quota: { companyId: 'acme', seats: 1, used: 0 },
        freeInPool: 1,
      },
    });

    it('counts them: an ADMIT that the pool can no longer seat is refused, saying why', () => {
      const error = spec
        .given([...reviews, adaAdmitted])
        .when(
          decide('admit', { enrollmentId: BOB, application: application(BOB), cohort: acmeOfOne, decisionId: 'd-2' }),
        )
        .thenThrows('SELECTION.NO_SEAT_IN_POOL', 'illegal-state');
      expect(error.message).toMatch(/quota of acme is used \(1\/1\), counting 1 earlier decision\(s\) not yet seated/);
      expect(error.details).toMatchObject({
        freeInPool: 0,
        quota: { companyId: 'acme', seats: 1, used: 1 },
        pendingDecisions: 1,
      });
    });

    it('records the ledger the decision will be applied to: a waitlisting after them says the quota is used', () => {
      const [event] = selectionDecider.decide(
        {
          ...decide('waitlist', {
            enrollmentId: BOB,
            application: application(BOB),
            cohort: acmeOfOne,
            decisionId: 'd-2',
          }),
        },
        [...reviews, adaAdmitted].reduce(selectionDecider.evolve, selectionDecider.initialState()),
      );
      expect(event.type === 'ApplicationDecided' && event.data.record.seats).toEqual({
        capacity: 30,
        reserved: 1,
        confirmed: 0,
        free: 29,
        waitlisted: 0,
        quota: { companyId: 'acme', seats: 1, used: 1 },
        freeInPool: 0,
      });
    });

    it('stops counting a decision once the ledger shows it', () => {
      const adaSeated = cohortOf(
        { type: 'CompanyQuotaSet', data: { cohortId: 'c-spring', companyId: 'acme', seats: 2, previous: 0 } },
        {
          type: 'SeatReserved',
          data: {
            cohortId: 'c-spring',
            enrollmentId: ADA,
            learnerId: 'l-ada',
            companyId: 'acme',
            level: 'intermediate',
            pool: 'acme',
            offerExpiresAt: '2026-03-06T09:00:00.000Z',
            promoted: false,
            reason: 'seat free',
          },
        },
      );
      const [event] = selectionDecider.decide(
        decide('admit', { enrollmentId: BOB, application: application(BOB), cohort: adaSeated, decisionId: 'd-2' }),
        [...reviews, adaAdmitted].reduce(selectionDecider.evolve, selectionDecider.initialState()),
      );
      expect(event.type === 'ApplicationDecided' && event.data.record.seats.quota).toEqual({
        companyId: 'acme',
        seats: 2,
        used: 1,
      });
    });
  });
});
