import type { RecordedEvent } from '@sooc/event-sourcing';
import { decided, reviewed } from '@sooc/selection-domain/testing';
import {
  accepted,
  admitted,
  attended,
  cancelled,
  completed,
  declined,
  dropped,
  offered,
  rejected,
  submitted,
  waitlisted,
  withdrawn,
} from '@sooc/enrollment-domain/testing';
import { recorded } from '@sooc/cohorts-domain/testing';
import { applicationProjection, type ApplicationEvent } from './application.projection';
import type { ApplicationRow } from './application.read-model';

const fold = (events: readonly RecordedEvent<ApplicationEvent>[]) =>
  events.reduce<ApplicationRow | null>(applicationProjection.apply, null);
const at = (minute: number) => `2026-03-10T08:${String(minute).padStart(2, '0')}:00.000Z`;
const ev = <E extends ApplicationEvent>(event: E, position: number) => recorded(event, position, at(position));
const pos = (n: number) => String(n).padStart(20, '0');

const sub = ev(submitted('c1', 'ada', { companyId: 'acme', level: 'advanced' }), 1);

const submittedRow: ApplicationRow = {
  enrollment_id: 'c1-ada',
  cohort_id: 'c1',
  learner_id: 'ada',
  company_id: 'acme',
  share_with_company: 0,
  level: 'advanced',
  name: null,
  email: null,
  motivation: 'I am ada',
  answers: '{"why":"to learn"}',
  prerequisites_met: '["TypeScript"]',
  eligible: 1,
  unmet_prerequisites: '[]',
  selection_policy: 'review',
  status: 'submitted',
  status_reason: null,
  submitted_at: at(1),
  submitted_position: pos(1),
  offer_expires_at: null,
  promoted_from_waitlist: 0,
  attendance: '{}',
  attended_sessions: 0,
  reviews: '{}',
  review_count: 0,
  average_score: null,
  decision: null,
  decision_reason: null,
  decided_by: null,
  decision_id: null,
  decided_at: null,
  decision_record: null,
  updated_at: at(1),
  last_position: pos(1),
};

describe('applications projection', () => {
  it('is keyed by enrollment id and reads enrollment events plus reviews and decisions', () => {
    expect(applicationProjection.name).toBe('enrollment.applications');
    expect(applicationProjection.keyOf(sub)).toBe('c1-ada');
    expect(applicationProjection.handles).toEqual(
      expect.arrayContaining([
        'ApplicationSubmitted',
        'ApplicationReviewed',
        'ApplicationDecided',
        'EnrollmentCancelled',
      ]),
    );
  });

  it('creates a submitted row from the dossier, JSON as text and flags as 0/1', () => {
    expect(fold([sub])).toEqual(submittedRow);
  });

  it('files an ineligible application with the prerequisites it misses', () => {
    expect(fold([ev(submitted('c1', 'bob', { eligible: false }), 2)])).toMatchObject({
      status: 'ineligible',
      eligible: 0,
      unmet_prerequisites: '["TypeScript"]',
      prerequisites_met: '[]',
      company_id: null,
    });
  });

  it('averages each reviewer’s latest score, keeping their latest review', () => {
    const row = fold([
      sub,
      ev(reviewed('c1', 'ada', 'rev-1', 80, 'solid'), 2),
      ev(reviewed('c1', 'ada', 'rev-2', 67.5), 3),
      ev(reviewed('c1', 'ada', 'rev-1', 90.25, 'even better'), 4),
    ]);
    expect(row).toMatchObject({
      review_count: 2,
      average_score: 7888,
      status: 'submitted',
      last_position: pos(4),
      updated_at: at(4),
    });
    expect(JSON.parse(row!.reviews)).toEqual({
      'rev-1': { score: 90.25, rubricVersion: 1, comment: 'even better' },
      'rev-2': { score: 67.5, rubricVersion: 1, comment: null },
    });
  });

  it('keeps the selection decision and its record; the enrollment event then moves the status', () => {
    const decidedRow = fold([sub, ev(decided('c1', 'ada', 'admit'), 2)]);
    expect(decidedRow).toMatchObject({
      status: 'submitted',
      decision: 'admit',
      decision_reason: 'ranked first',
      decision_id: 'dec-ada',
      decided_at: at(2),
    });
    expect(JSON.parse(decidedRow!.decided_by!)).toEqual({ id: 'rev-1', role: 'reviewer' });
    expect(JSON.parse(decidedRow!.decision_record!)).toMatchObject({ rank: 1, rankedAmong: 3, seats: { free: 3 } });
    expect(fold([sub, ev(decided('c1', 'ada', 'admit'), 2), ev(admitted('c1', 'ada'), 3)])).toMatchObject({
      status: 'admitted',
      status_reason: 'strong dossier',
    });
  });

  it('follows an offer through enrolment, attendance and completion', () => {
    const events = [
      sub,
      ev(admitted('c1', 'ada'), 2),
      ev(offered('c1', 'ada', '2026-03-20T08:00:00.000Z', true), 3),
      ev(accepted('c1', 'ada'), 4),
    ];
    expect(fold(events.slice(0, 3))).toMatchObject({
      status: 'offered',
      offer_expires_at: '2026-03-20T08:00:00.000Z',
      promoted_from_waitlist: 1,
    });
    const enrolled = fold([
      ...events,
      ev(attended('c1', 'ada', 1), 5),
      ev(attended('c1', 'ada', 2), 6),
      ev(attended('c1', 'ada', 2, false), 7),
      ev(attended('c1', 'ada', 3), 8),
    ]);
    expect(enrolled).toMatchObject({
      status: 'enrolled',
      attendance: '{"1":true,"2":false,"3":true}',
      attended_sessions: 2,
      last_position: pos(8),
    });
    expect(fold([...events, ev(completed('c1', 'ada', 8), 9)])).toMatchObject({
      status: 'completed',
      attended_sessions: 8,
    });
    expect(fold([...events, ev(dropped('c1', 'ada'), 9)])).toMatchObject({
      status: 'dropped',
      status_reason: 'attended 3 of 10 sessions, 7 required',
    });
  });

  it.each([
    ['rejected', [ev(rejected('c1', 'ada'), 2)], { status: 'rejected', status_reason: 'not a fit' }],
    [
      'waitlisted',
      [ev(waitlisted('c1', 'ada'), 2)],
      { status: 'waitlisted', status_reason: 'no free seat (30/30 taken)' },
    ],
    [
      'declined',
      [ev(admitted('c1', 'ada'), 2), ev(offered('c1', 'ada'), 3), ev(declined('c1', 'ada'), 4)],
      { status: 'declined', status_reason: 'found another course' },
    ],
    ['withdrawn', [ev(withdrawn('c1', 'ada'), 2)], { status: 'withdrawn', status_reason: 'changed my plans' }],
    [
      'cancelled',
      [ev(waitlisted('c1', 'ada'), 2), ev(cancelled('c1', 'ada'), 3)],
      { status: 'cancelled', status_reason: 'cohort cancelled' },
    ],
    // Issue 10 #4: a final status for the waitlisted once the cohort starts.
    [
      'not admitted',
      [
        ev(waitlisted('c1', 'ada'), 2),
        ev(
          {
            type: 'ApplicationNotAdmitted' as const,
            data: {
              enrollmentId: 'c1-ada',
              cohortId: 'c1',
              learnerId: 'ada',
              reason: 'the cohort started',
              from: 'waitlisted',
            },
          },
          3,
        ),
      ],
      { status: 'not-admitted', status_reason: 'the cohort started' },
    ],
  ])('records why it ended %s', (_status, events, expected) => {
    expect(fold([sub, ...events])).toMatchObject(expected);
  });

  it('changes nothing when events are delivered again', () => {
    const events = [
      sub,
      ev(reviewed('c1', 'ada', 'rev-1', 80), 2),
      ev(admitted('c1', 'ada'), 3),
      ev(offered('c1', 'ada'), 4),
      ev(attended('c1', 'ada', 1), 5),
    ];
    const once = fold(events);
    expect(fold([...events, ...events])).toEqual(once);
    const row = fold(events);
    expect(applicationProjection.apply(row, ev(reviewed('c1', 'ada', 'rev-9', 10), 3))).toBe(row);
  });

  it('ignores strays: events of an application never submitted, and moves its status does not allow', () => {
    expect(fold([ev(admitted('c1', 'ada'), 2), ev(reviewed('c1', 'ada', 'rev-1', 80), 3)])).toBeNull();
    const gone = fold([sub, ev(withdrawn('c1', 'ada'), 2)]);
    expect(applicationProjection.apply(gone, ev(admitted('c1', 'ada'), 3))).toBe(gone);
    expect(applicationProjection.apply(gone, ev(attended('c1', 'ada', 1), 4))).toBe(gone);
    expect(fold([sub, ev(accepted('c1', 'ada'), 2)])).toEqual(submittedRow);
    expect(fold([sub, ev(submitted('c1', 'ada', { level: 'beginner' }), 2)])).toEqual(submittedRow);
  });
});
