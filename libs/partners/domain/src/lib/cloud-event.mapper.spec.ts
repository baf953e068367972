import type { CohortEvent } from '@sooc/cohorts-domain/published';
import type { EnrollmentEvent } from '@sooc/enrollment-domain/published';
import { recorded, SPEC_NOW, type DomainEvent } from '@sooc/event-sourcing';
import { PARTNER_FEED_EVENT_TYPES } from '../published';
import { toCloudEvent } from './cloud-event.mapper';

const REF = { enrollmentId: 'c1-ada', cohortId: 'c1', learnerId: 'ada' };
const reviewer = { id: 'rev-1', role: 'reviewer' as const };
const note = { by: reviewer, reason: 'strong motivation, says the reviewer', decisionId: 'd-1' };
const ENROLLMENT_STREAM = 'enrollment-c1-ada';

const enrollment = (event: EnrollmentEvent) => recorded(event, ENROLLMENT_STREAM);
const cohort = (event: CohortEvent) => recorded(event, 'cohort-c1');

const submitted: EnrollmentEvent = {
  type: 'ApplicationSubmitted',
  data: {
    ...REF,
    dossier: {
      name: 'Ada Lovelace',
      email: 'ada@example.org',
      motivation: 'I want to learn event sourcing',
      level: 'intermediate',
      companyId: 'acme-corp',
      shareWithCompany: true,
      answers: { q1: 'my answer' },
      prerequisitesMet: ['TypeScript basics'],
    },
    selectionPolicy: 'review',
    eligible: true,
    unmetPrerequisites: [],
  },
};

/** One event of each mapped type, and the data a partner receives for it. */
const MAPPED: readonly [DomainEvent & { stream: string }, string, Record<string, unknown>][] = [
  [
    { ...submitted, stream: ENROLLMENT_STREAM },
    'org.sooc.enrollment.application-submitted.v1',
    { ...REF, companyId: 'acme-corp', eligible: true },
  ],
  [
    { type: 'ApplicationAdmitted', data: { ...REF, ...note }, stream: ENROLLMENT_STREAM },
    'org.sooc.enrollment.application-admitted.v1',
    REF,
  ],
  [
    { type: 'ApplicationRejected', data: { ...REF, ...note }, stream: ENROLLMENT_STREAM },
    'org.sooc.enrollment.application-rejected.v1',
    REF,
  ],
  [
    { type: 'ApplicationWaitlisted', data: { ...REF, ...note }, stream: ENROLLMENT_STREAM },
    'org.sooc.enrollment.application-waitlisted.v1',
    REF,
  ],
  [
    {
      type: 'SeatOffered',
      data: {
        ...REF,
        expiresAt: '2026-03-05T09:00:00.000Z',
        promotedFromWaitlist: true,
        reason: 'seat released by bob',
      },
      stream: ENROLLMENT_STREAM,
    },
    'org.sooc.enrollment.seat-offered.v1',
    { ...REF, expiresAt: '2026-03-05T09:00:00.000Z', promotedFromWaitlist: true },
  ],
  [{ type: 'OfferAccepted', data: REF, stream: ENROLLMENT_STREAM }, 'org.sooc.enrollment.offer-accepted.v1', REF],
  [
    { type: 'OfferDeclined', data: { ...REF, reason: 'my own words' }, stream: ENROLLMENT_STREAM },
    'org.sooc.enrollment.offer-declined.v1',
    REF,
  ],
  [
    { type: 'OfferExpired', data: { ...REF, expiresAt: '2026-03-05T09:00:00.000Z' }, stream: ENROLLMENT_STREAM },
    'org.sooc.enrollment.offer-expired.v1',
    { ...REF, expiresAt: '2026-03-05T09:00:00.000Z' },
  ],
  [
    {
      type: 'AttendanceRecorded',
      data: { ...REF, session: 3, attended: false, by: reviewer },
      stream: ENROLLMENT_STREAM,
    },
    'org.sooc.enrollment.attendance-recorded.v1',
    { ...REF, session: 3, attended: false },
  ],
  [
    { type: 'EnrollmentCompleted', data: { ...REF, attendedSessions: 9, sessions: 10 }, stream: ENROLLMENT_STREAM },
    'org.sooc.enrollment.enrollment-completed.v1',
    { ...REF, attendedSessions: 9, sessions: 10 },
  ],
  [
    {
      type: 'LearnerDropped',
      data: { ...REF, attendedSessions: 2, sessions: 10, reason: 'below threshold' },
      stream: ENROLLMENT_STREAM,
    },
    'org.sooc.enrollment.learner-dropped.v1',
    { ...REF, attendedSessions: 2, sessions: 10 },
  ],
  [
    { type: 'ApplicationWithdrawn', data: { ...REF, reason: 'personal', from: 'offered' }, stream: ENROLLMENT_STREAM },
    'org.sooc.enrollment.application-withdrawn.v1',
    { ...REF, previousStatus: 'offered' },
  ],
  [
    { type: 'EnrollmentCancelled', data: { ...REF, reason: 'cohort cancelled' }, stream: ENROLLMENT_STREAM },
    'org.sooc.enrollment.enrollment-cancelled.v1',
    REF,
  ],
  [
    {
      type: 'ApplicationNotAdmitted',
      data: { ...REF, reason: 'cohort started', from: 'waitlisted' },
      stream: ENROLLMENT_STREAM,
    },
    'org.sooc.enrollment.application-not-admitted.v1',
    { ...REF, previousStatus: 'waitlisted' },
  ],
  [
    {
      type: 'CohortStarted',
      data: { cohortId: 'c1', openOffers: [], waitlisted: [{ enrollmentId: 'c1-bob', learnerId: 'bob' }] },
      stream: 'cohort-c1',
    },
    'org.sooc.cohorts.cohort-started.v1',
    { cohortId: 'c1' },
  ],
  [
    {
      type: 'CohortCompleted',
      data: {
        cohortId: 'c1',
        sessions: 10,
        completionThreshold: 0.8,
        enrolled: [{ enrollmentId: 'c1-bob', learnerId: 'bob' }],
      },
      stream: 'cohort-c1',
    },
    'org.sooc.cohorts.cohort-completed.v1',
    { cohortId: 'c1', sessions: 10 },
  ],
  [
    {
      type: 'CohortCancelled',
      data: { cohortId: 'c1', reason: 'facilitator ill', affected: [{ enrollmentId: 'c1-bob', learnerId: 'bob' }] },
      stream: 'cohort-c1',
    },
    'org.sooc.cohorts.cohort-cancelled.v1',
    { cohortId: 'c1' },
  ],
];

describe('toCloudEvent', () => {
  it('maps a seat offer to a CloudEvents 1.0 event keeping the event’s id and time', () => {
    const event = enrollment({
      type: 'SeatOffered',
      data: { ...REF, expiresAt: '2026-03-05T09:00:00.000Z', promotedFromWaitlist: false, reason: 'seat free' },
    });
    expect(toCloudEvent(event)).toEqual({
      specversion: '1.0',
      id: event.id,
      source: '/sooc/enrollment',
      type: 'org.sooc.enrollment.seat-offered.v1',
      subject: 'cohort/c1',
      time: SPEC_NOW.toISOString(),
      datacontenttype: 'application/json',
      data: { ...REF, expiresAt: '2026-03-05T09:00:00.000Z', promotedFromWaitlist: false },
    });
  });

  it.each(MAPPED.map(([event, type, data]) => [event.type, type, event, data] as const))(
    'maps %s to %s with its partner-facing data only',
    (_name, type, { stream, ...event }, data) => {
      const cloudEvent = toCloudEvent(recorded(event, stream));
      expect(cloudEvent).toMatchObject({ type, subject: 'cohort/c1', data });
      expect(cloudEvent?.data).toEqual(data);
      expect(cloudEvent?.source).toBe(stream.startsWith('cohort-') ? '/sooc/cohorts' : '/sooc/enrollment');
    },
  );

  it('never carries the dossier, the deciders or their reasons', () => {
    const json = JSON.stringify(MAPPED.map(([{ stream, ...event }]) => toCloudEvent(recorded(event, stream))));
    for (const leak of [
      'Ada Lovelace',
      'ada@example.org',
      'event sourcing',
      'my answer',
      'rev-1',
      'reviewer',
      'bob',
      'my own words',
      'facilitator ill',
    ])
      expect(json).not.toContain(leak);
  });

  it('produces exactly the catalogue an endpoint subscribes to', () => {
    const produced = MAPPED.map(([{ stream, ...event }]) => toCloudEvent(recorded(event, stream))?.type);
    expect([...produced].sort()).toEqual([...PARTNER_FEED_EVENT_TYPES].sort());
  });

  it('returns null for the events partners do not receive', () => {
    expect(toCloudEvent(cohort({ type: 'ApplicationsOpened', data: { cohortId: 'c1' } }))).toBeNull();
    expect(toCloudEvent(cohort({ type: 'CapacityChanged', data: { cohortId: 'c1', from: 20, to: 30 } }))).toBeNull();
    expect(
      toCloudEvent(recorded({ type: 'LearnerErased', data: { learnerId: 'ada' } }, 'learnerPrivacy-ada')),
    ).toBeNull();
    expect(
      toCloudEvent(recorded({ type: 'PartnerRegistered', data: { partnerId: 'acme' } }, 'partner-acme')),
    ).toBeNull();
  });

  it('reads an event by its stream’s context: a name from another context maps to nothing', () => {
    expect(toCloudEvent(recorded({ type: 'SeatOffered', data: REF }, 'selection-c1'))).toBeNull();
    expect(toCloudEvent(recorded({ type: 'CohortStarted', data: { cohortId: 'c1' } }, ENROLLMENT_STREAM))).toBeNull();
  });

  it('maps one event to the same CloudEvent every time (a replay keeps ids)', () => {
    const event = enrollment({ type: 'OfferAccepted', data: REF });
    expect(toCloudEvent(event)).toEqual(toCloudEvent(event));
    expect(toCloudEvent(event)?.id).toBe(event.id);
  });
});
