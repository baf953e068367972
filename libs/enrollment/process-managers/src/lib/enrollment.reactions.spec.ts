import type { SeatReserved } from '@sooc/cohorts-domain/published';
import type { ApplicationSubmitted } from '@sooc/enrollment-domain';
import { recorded, type DomainEvent } from '@sooc/event-sourcing';
import type { ApplicationDecided } from '@sooc/selection-domain/published';
import { ENROLLMENT_REACTED_EVENT_TYPES, enrollmentReactionsTo } from './enrollment.reactions';

const ref = { enrollmentId: 'c1-ada', cohortId: 'c1', learnerId: 'ada' };
const react = (event: DomainEvent) => enrollmentReactionsTo(recorded(event));
const reviewer = { id: 'rev-1', role: 'reviewer' as const };

describe('the enrollment process managers', () => {
  it('carry a decision to the enrollment, and nothing to the cohort (that is the cohort context’s)', () => {
    const decided = {
      type: 'ApplicationDecided',
      data: { ...ref, decision: 'admit', decisionId: 'd-1', reason: 'fits', decidedBy: reviewer },
    } as ApplicationDecided;
    expect(react(decided)).toEqual([
      {
        aggregate: 'enrollment',
        streamId: 'enrollment-c1-ada',
        command: {
          type: 'RecordDecision',
          data: { ...ref, decision: 'admit', by: reviewer, reason: 'fits', decisionId: 'd-1' },
        },
      },
    ]);
  });

  it('offer a reserved seat until it lapses', () => {
    const reserved = {
      type: 'SeatReserved',
      data: { ...ref, offerExpiresAt: '2026-03-06T09:00:00.000Z', promoted: false, reason: 'seat free' },
    } as SeatReserved;
    expect(react(reserved)).toEqual([
      {
        aggregate: 'enrollment',
        streamId: 'enrollment-c1-ada',
        command: {
          type: 'OfferSeat',
          data: { ...ref, expiresAt: '2026-03-06T09:00:00.000Z', promoted: false, reason: 'seat free' },
        },
      },
    ]);
  });

  it('leave a submission to the cohort', () => {
    expect(react({ type: 'ApplicationSubmitted', data: ref } as ApplicationSubmitted)).toEqual([]);
    expect(ENROLLMENT_REACTED_EVENT_TYPES).not.toContain('ApplicationSubmitted');
  });
});
