import type { ApplicantWaitlisted, CohortCancelled, CohortCompleted, SeatReserved } from '@sooc/cohorts-domain';
import type {
  ApplicationSubmitted,
  ApplicationWithdrawn,
  Dossier,
  OfferAccepted,
  OfferDeclined,
  OfferExpired,
} from '@sooc/enrollment-domain';
import type { Actor, DomainEvent } from '@sooc/event-sourcing';
import type { ApplicationDecided, DecisionRecord } from '@sooc/selection-domain';
import { recorded } from '@sooc/event-sourcing';
import { expiryReactions, REACTED_EVENT_TYPES, reactTo } from './process-managers';

const ref = { enrollmentId: 'c1-ada', cohortId: 'c1', learnerId: 'ada' };
const ENROLLMENT = 'enrollment-c1-ada';
const COHORT = 'cohort-c1';
const dossier: Dossier = {
  name: null,
  email: null,
  motivation: 'Small groups',
  level: 'intermediate',
  companyId: 'acme',
  shareWithCompany: false,
  answers: {},
  prerequisitesMet: [],
};
const reviewer: Actor = { id: 'rev-1', role: 'reviewer' };
const applicant = { enrollmentId: 'c1-ada', learnerId: 'ada', companyId: 'acme', level: 'intermediate' as const };

const submitted = (over: Partial<ApplicationSubmitted['data']> = {}): ApplicationSubmitted => ({
  type: 'ApplicationSubmitted',
  data: { ...ref, dossier, selectionPolicy: 'first-come', eligible: true, unmetPrerequisites: [], ...over },
});
const record: DecisionRecord = {
  rubricVersion: 2,
  reviews: [{ reviewerId: 'rev-1', rubricVersion: 2, score: 80 }],
  averageScore: 80,
  rank: 1,
  rankedAmong: 4,
  seats: { capacity: 10, reserved: 2, confirmed: 1, free: 7, waitlisted: 0, quota: null, freeInPool: 7 },
};
const decided = (decision: 'admit' | 'reject' | 'waitlist'): ApplicationDecided => ({
  type: 'ApplicationDecided',
  data: {
    ...ref,
    companyId: 'acme',
    level: 'intermediate',
    decisionId: 'd-7',
    decision,
    reason: 'strong motivation',
    decidedBy: reviewer,
    record,
  },
});
const react = (event: DomainEvent) => reactTo(recorded(event));
const recordDecision = (decision: 'admit' | 'reject' | 'waitlist') => ({
  aggregate: 'enrollment',
  streamId: ENROLLMENT,
  command: {
    type: 'RecordDecision',
    data: { ...ref, decision, by: reviewer, reason: 'strong motivation', decisionId: 'd-7' },
  },
});
const release = (reason: string) => [
  {
    aggregate: 'cohort',
    streamId: COHORT,
    command: { type: 'ReleaseSeat', data: { cohortId: 'c1', enrollmentId: 'c1-ada', reason } },
  },
];

describe('reactTo', () => {
  describe('an application submitted', () => {
    it('to a first-come cohort, eligible: asks the cohort to admit the applicant in arrival order, without a score', () => {
      expect(react(submitted())).toEqual([
        {
          aggregate: 'cohort',
          streamId: COHORT,
          command: { type: 'AdmitApplicant', data: { cohortId: 'c1', applicant, score: null } },
        },
      ]);
    });

    it('of an independent learner: the applicant has no company', () => {
      const [reaction] = react(submitted({ dossier: { ...dossier, companyId: null } }));
      expect(reaction.command.data).toEqual({
        cohortId: 'c1',
        applicant: { ...applicant, companyId: null },
        score: null,
      });
    });

    it('ineligible, or to a review cohort: waits (for nothing, or for a decision)', () => {
      expect(react(submitted({ eligible: false, unmetPrerequisites: ['TypeScript'] }))).toEqual([]);
      expect(react(submitted({ selectionPolicy: 'review' }))).toEqual([]);
    });
  });

  describe('a selection decision', () => {
    it('admit: recorded on the enrollment, then the cohort admits the applicant with the review score', () => {
      expect(react(decided('admit'))).toEqual([
        recordDecision('admit'),
        {
          aggregate: 'cohort',
          streamId: COHORT,
          command: { type: 'AdmitApplicant', data: { cohortId: 'c1', applicant, score: 80, decisionId: 'd-7' } },
        },
      ]);
    });

    it('waitlist: recorded, then a place in the cohort waitlist (never a seat directly)', () => {
      expect(react(decided('waitlist'))).toEqual([
        recordDecision('waitlist'),
        {
          aggregate: 'cohort',
          streamId: COHORT,
          command: { type: 'WaitlistApplicant', data: { cohortId: 'c1', applicant, score: 80, decisionId: 'd-7' } },
        },
      ]);
    });

    it('reject: only recorded on the enrollment', () => {
      expect(react(decided('reject'))).toEqual([recordDecision('reject')]);
    });
  });

  describe('the seat ledger', () => {
    it('a seat reserved: the learner is offered it until the reservation lapses, saying whether it came from the waitlist', () => {
      const reserved: SeatReserved = {
        type: 'SeatReserved',
        data: {
          ...applicant,
          cohortId: 'c1',
          pool: 'acme',
          offerExpiresAt: '2026-03-06T09:00:00.000Z',
          promoted: true,
          reason: 'promoted: seat released by c1-bob',
        },
      };
      expect(react(reserved)).toEqual([
        {
          aggregate: 'enrollment',
          streamId: ENROLLMENT,
          command: {
            type: 'OfferSeat',
            data: {
              ...ref,
              expiresAt: '2026-03-06T09:00:00.000Z',
              promoted: true,
              reason: 'promoted: seat released by c1-bob',
            },
          },
        },
      ]);
    });

    it('an applicant waitlisted: the enrollment learns why', () => {
      const waitlisted: ApplicantWaitlisted = {
        type: 'ApplicantWaitlisted',
        data: { ...applicant, cohortId: 'c1', pool: 'open', score: null, reason: 'no free seat (10/10 taken)' },
      };
      expect(react(waitlisted)).toEqual([
        {
          aggregate: 'enrollment',
          streamId: ENROLLMENT,
          command: { type: 'RecordWaitlisting', data: { ...ref, reason: 'no free seat (10/10 taken)' } },
        },
      ]);
    });
  });

  describe('an application or offer that ends', () => {
    it('withdrawn, declined or expired: frees the seat (or waitlist place) with the reason', () => {
      const withdrawn: ApplicationWithdrawn = {
        type: 'ApplicationWithdrawn',
        data: { ...ref, reason: 'moved jobs', from: 'offered' },
      };
      const declined: OfferDeclined = { type: 'OfferDeclined', data: { ...ref, reason: null } };
      const expired: OfferExpired = { type: 'OfferExpired', data: { ...ref, expiresAt: '2026-03-06T09:00:00.000Z' } };
      expect(react(withdrawn)).toEqual(release('withdrawn'));
      expect(react(declined)).toEqual(release('declined'));
      expect(react(expired)).toEqual(release('expired'));
    });

    it('accepted: the reserved seat is confirmed', () => {
      const accepted: OfferAccepted = { type: 'OfferAccepted', data: ref };
      expect(react(accepted)).toEqual([
        {
          aggregate: 'cohort',
          streamId: COHORT,
          command: { type: 'ConfirmSeat', data: { cohortId: 'c1', enrollmentId: 'c1-ada' } },
        },
      ]);
    });
  });

  describe('the end of a cohort', () => {
    const bob = { enrollmentId: 'c1-bob', learnerId: 'bob' };
    it('completed: each enrolled learner is completed (or dropped) by the cohort’s rule', () => {
      const completed: CohortCompleted = {
        type: 'CohortCompleted',
        data: {
          cohortId: 'c1',
          sessions: 10,
          completionThreshold: 0.7,
          enrolled: [{ enrollmentId: 'c1-ada', learnerId: 'ada' }, bob],
        },
      };
      expect(react(completed)).toEqual([
        {
          aggregate: 'enrollment',
          streamId: ENROLLMENT,
          command: { type: 'CompleteEnrollment', data: { ...ref, sessions: 10, completionThreshold: 0.7 } },
        },
        {
          aggregate: 'enrollment',
          streamId: 'enrollment-c1-bob',
          command: {
            type: 'CompleteEnrollment',
            data: { ...bob, cohortId: 'c1', sessions: 10, completionThreshold: 0.7 },
          },
        },
      ]);
    });

    it('cancelled: every affected enrollment is cancelled with the reason', () => {
      const cancelled: CohortCancelled = {
        type: 'CohortCancelled',
        data: { cohortId: 'c1', reason: 'facilitator ill', affected: [bob] },
      };
      expect(react(cancelled)).toEqual([
        {
          aggregate: 'enrollment',
          streamId: 'enrollment-c1-bob',
          command: { type: 'CancelEnrollment', data: { ...bob, cohortId: 'c1', reason: 'facilitator ill' } },
        },
      ]);
    });

    // Issue 10 #4: nobody stays waitlisted or holding an open offer once the cohort runs.
    it('started: each open offer and each waitlisted application ends as not admitted, with why', () => {
      const eve = { enrollmentId: 'c1-eve', learnerId: 'eve' };
      expect(react({ type: 'CohortStarted', data: { cohortId: 'c1', openOffers: [bob], waitlisted: [eve] } })).toEqual([
        {
          aggregate: 'enrollment',
          streamId: 'enrollment-c1-bob',
          command: {
            type: 'EndAtCohortStart',
            data: { ...bob, cohortId: 'c1', reason: 'the cohort started before this offer was accepted' },
          },
        },
        {
          aggregate: 'enrollment',
          streamId: 'enrollment-c1-eve',
          command: {
            type: 'EndAtCohortStart',
            data: { ...eve, cohortId: 'c1', reason: 'the cohort started with no seat free for this application' },
          },
        },
      ]);
      // Started before issue 10: the event names nobody.
      expect(react({ type: 'CohortStarted', data: { cohortId: 'c1' } })).toEqual([]);
    });

    it('not admitted at the start: frees the seat or waitlist place', () => {
      expect(react({ type: 'ApplicationNotAdmitted', data: { ...ref, reason: 'started', from: 'offered' } })).toEqual(
        release('not-admitted'),
      );
    });

    it('with nobody enrolled or affected: nothing to send', () => {
      expect(
        react({
          type: 'CohortCompleted',
          data: { cohortId: 'c1', sessions: 10, completionThreshold: 0.7, enrolled: [] },
        }),
      ).toEqual([]);
      expect(react({ type: 'CohortCancelled', data: { cohortId: 'c1', reason: 'x', affected: [] } })).toEqual([]);
    });
  });

  it('events no process manager cares about call for nothing', () => {
    for (const type of [
      'CohortPlanned',
      'ApplicationsOpened',
      'SeatReleased',
      'SeatConfirmed',
      'SeatOffered',
      'ApplicationAdmitted',
      'ApplicationReviewed',
      'RubricDefined',
      'CourseDrafted',
      'toString',
    ]) {
      expect(react({ type, data: { cohortId: 'c1' } })).toEqual([]);
    }
  });

  it('the subscription filter lists exactly the events that call for something', () => {
    expect([...REACTED_EVENT_TYPES].sort()).toEqual(
      [
        'ApplicantWaitlisted',
        'ApplicationDecided',
        'ApplicationSubmitted',
        'ApplicationWithdrawn',
        'CohortCancelled',
        'CohortCompleted',
        'CohortStarted',
        'ApplicationNotAdmitted',
        'OfferAccepted',
        'OfferDeclined',
        'OfferExpired',
        'SeatReserved',
      ].sort(),
    );
  });
});

describe('expiryReactions', () => {
  it('expires each due offer on its enrollment', () => {
    const due = [
      { ...ref, expiresAt: '2026-03-06T09:00:00.000Z' },
      { enrollmentId: 'c2-bob', cohortId: 'c2', learnerId: 'bob', expiresAt: '2026-03-06T10:00:00.000Z' },
    ];
    expect(expiryReactions(due)).toEqual([
      { aggregate: 'enrollment', streamId: ENROLLMENT, command: { type: 'ExpireOffer', data: ref } },
      {
        aggregate: 'enrollment',
        streamId: 'enrollment-c2-bob',
        command: { type: 'ExpireOffer', data: { enrollmentId: 'c2-bob', cohortId: 'c2', learnerId: 'bob' } },
      },
    ]);
    expect(expiryReactions([])).toEqual([]);
  });
});
