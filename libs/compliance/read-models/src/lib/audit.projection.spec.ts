import { recorded } from '../testing/audit-events.fixture';
import { applyAuditEvent, AUDITED_EVENT_TYPES, auditProjection } from './audit.projection';
import { humanize, reasonOf, summaryOf } from './audit.summary';

describe('the audit projection', () => {
  it('reads every event type of every context', () => {
    expect(AUDITED_EVENT_TYPES).toEqual(
      expect.arrayContaining(['CohortPlanned', 'ApplicationSubmitted', 'ApplicationDecided']),
    );
    expect(new Set(AUDITED_EVENT_TYPES).size).toBe(AUDITED_EVENT_TYPES.length);
    expect(auditProjection.handles).toBe(AUDITED_EVENT_TYPES);
  });

  it('writes one row per event: who, when, as part of what, about whom, in a line and in full', () => {
    const event = recorded(
      7,
      'OfferDeclined',
      { enrollmentId: 'c1-ada', cohortId: 'c1', learnerId: 'ada', reason: 'Moving' },
      {
        actor: { id: 'ada', role: 'learner' },
        correlationId: 'req-1',
      },
    );
    expect(applyAuditEvent(null, event)).toEqual({
      position: '00000000000000000007',
      event_id: 'e-7',
      occurred_at: '2030-01-01T00:00:07.000Z',
      type: 'OfferDeclined',
      stream_id: 'stream-7',
      actor_id: 'ada',
      actor_role: 'learner',
      correlation_id: 'req-1',
      causation_id: null,
      cohort_id: 'c1',
      learner_id: 'ada',
      enrollment_id: 'c1-ada',
      summary: 'Offer declined: learner ada, cohort c1',
      reason: 'Moving',
      data: JSON.stringify(event.data),
    });
  });

  it('leaves a row it already wrote as it is (a replay)', () => {
    const event = recorded(3, 'CohortStarted', { cohortId: 'c1' });
    const row = applyAuditEvent(null, event);
    expect(applyAuditEvent(row, event)).toBe(row);
  });

  it('summarises in words, and finds a reason carried inside a decision note', () => {
    expect(humanize('ApplicationNotAdmitted')).toBe('Application not admitted');
    expect(summaryOf('CapacityChanged', { cohortId: 'c1', capacity: 24 })).toBe(
      'Capacity changed: cohort c1, capacity 24',
    );
    expect(summaryOf('GroupsFormed', {})).toBe('Groups formed');
    expect(reasonOf({ decision: { by: { id: 'a', role: 'admin' }, reason: 'Strong fit', decisionId: 'd1' } })).toBe(
      'Strong fit',
    );
    expect(reasonOf({ decision: 'ADMIT' })).toBeNull();
  });
});
