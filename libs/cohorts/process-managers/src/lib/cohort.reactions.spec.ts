import type { SeatReserved } from '@sooc/cohorts-domain';
import type { ApplicationSubmitted, Dossier, OfferAccepted } from '@sooc/enrollment-domain/published';
import { recorded, type DomainEvent } from '@sooc/event-sourcing';
import type { ApplicationDecided } from '@sooc/selection-domain/published';
import { COHORT_REACTED_EVENT_TYPES, cohortReactionsTo } from './cohort.reactions';

const ref = { enrollmentId: 'c1-ada', cohortId: 'c1', learnerId: 'ada' };
const dossier: Dossier = {
  name: null,
  email: null,
  motivation: 'Small groups',
  level: 'beginner',
  companyId: null,
  shareWithCompany: false,
  answers: {},
  prerequisitesMet: [],
};
const applicant = { enrollmentId: 'c1-ada', learnerId: 'ada', companyId: null, level: 'beginner' as const };
const react = (event: DomainEvent) => cohortReactionsTo(recorded(event));
const toCohort = (type: string, data: object) => [
  { aggregate: 'cohort', streamId: 'cohort-c1', command: { type, data } },
];

const submitted = (selectionPolicy: 'first-come' | 'review'): ApplicationSubmitted => ({
  type: 'ApplicationSubmitted',
  data: { ...ref, dossier, selectionPolicy, eligible: true, unmetPrerequisites: [] },
});
const decided = (decision: 'admit' | 'reject' | 'waitlist'): ApplicationDecided => ({
  type: 'ApplicationDecided',
  data: {
    ...ref,
    companyId: null,
    level: 'beginner',
    decisionId: 'd-1',
    decision,
    reason: 'fits',
    decidedBy: { id: 'rev-1', role: 'reviewer' },
    record: {
      rubricVersion: 1,
      reviews: [],
      averageScore: 70,
      rank: 1,
      rankedAmong: 1,
      seats: { capacity: 10, reserved: 0, confirmed: 0, free: 10, waitlisted: 0, quota: null, freeInPool: 10 },
    },
  },
});

describe('the cohort process managers', () => {
  it('admit a first-come applicant on arrival, and leave review cohorts to their decisions', () => {
    expect(react(submitted('first-come'))).toEqual(
      toCohort('AdmitApplicant', { cohortId: 'c1', applicant, score: null }),
    );
    expect(react(submitted('review'))).toEqual([]);
  });

  it('carry an admit or waitlist decision to the seat ledger with its score and id; a rejection leaves it alone', () => {
    expect(react(decided('admit'))).toEqual(
      toCohort('AdmitApplicant', { cohortId: 'c1', applicant, score: 70, decisionId: 'd-1' }),
    );
    expect(react(decided('waitlist'))).toEqual(
      toCohort('WaitlistApplicant', { cohortId: 'c1', applicant, score: 70, decisionId: 'd-1' }),
    );
    expect(react(decided('reject'))).toEqual([]);
  });

  it('confirm an accepted seat, and send nothing to an enrollment (that is the enrollment context’s)', () => {
    const accepted: OfferAccepted = { type: 'OfferAccepted', data: ref };
    expect(react(accepted)).toEqual(toCohort('ConfirmSeat', { cohortId: 'c1', enrollmentId: 'c1-ada' }));
    const reserved = { type: 'SeatReserved', data: {} } as SeatReserved;
    expect(react(reserved)).toEqual([]);
    expect(COHORT_REACTED_EVENT_TYPES).not.toContain('SeatReserved');
  });
});
