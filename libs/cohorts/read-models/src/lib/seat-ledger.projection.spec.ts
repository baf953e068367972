import type { RecordedEvent } from '@sooc/event-sourcing';
import {
  applicantWaitlisted,
  seatConfirmed,
  seatReleased,
  seatReserved,
  waitlistLeft,
} from '@sooc/cohorts-domain/testing';
import { cancelled } from '@sooc/enrollment-domain/testing';
import { recorded } from '@sooc/cohorts-domain/testing';
import { seatLedgerProjection, type SeatLedgerEvent } from './seat-ledger.projection';
import type { SeatRow } from './seat-ledger.read-model';

const fold = (events: readonly RecordedEvent<SeatLedgerEvent>[]) =>
  events.reduce<SeatRow | null>(seatLedgerProjection.apply, null);
const at = (minute: number) => `2026-03-11T09:${String(minute).padStart(2, '0')}:00.000Z`;
const ev = <E extends SeatLedgerEvent>(event: E, position: number) => recorded(event, position, at(position));
const pos = (n: number) => String(n).padStart(20, '0');

const reservedRow: SeatRow = {
  enrollment_id: 'c1-ada',
  cohort_id: 'c1',
  learner_id: 'ada',
  company_id: 'acme',
  pool: 'acme',
  level: 'intermediate',
  status: 'reserved',
  score: null,
  waitlisted_position: null,
  waitlisted_at: null,
  offer_expires_at: '2026-03-20T08:00:00.000Z',
  promoted: 0,
  updated_at: at(1),
  last_position: pos(1),
};

describe('seat ledger projection', () => {
  it('is keyed by enrollment id', () => {
    expect(seatLedgerProjection.name).toBe('cohorts.seat-ledger');
    expect(seatLedgerProjection.keyOf(ev(seatConfirmed('c1', 'ada'), 1))).toBe('c1-ada');
  });

  it('holds a seat, confirms it, and releases it, clearing the offer expiry once it no longer runs', () => {
    expect(fold([ev(seatReserved('c1', 'ada', 'acme'), 1)])).toEqual(reservedRow);
    expect(fold([ev(seatReserved('c1', 'ada', 'acme'), 1), ev(seatConfirmed('c1', 'ada'), 2)])).toEqual({
      ...reservedRow,
      status: 'confirmed',
      offer_expires_at: null,
      updated_at: at(2),
      last_position: pos(2),
    });
    expect(
      fold([
        ev(seatReserved('c1', 'ada', 'acme'), 1),
        ev(seatConfirmed('c1', 'ada'), 2),
        ev(seatReleased('c1', 'ada'), 3),
      ]),
    ).toMatchObject({ status: 'released' });
  });

  it('records the waitlist place and score, and keeps them when the applicant is promoted', () => {
    const waiting = fold([ev(applicantWaitlisted('c1', 'ada', null, 72.5), 4)]);
    expect(waiting).toMatchObject({
      status: 'waitlisted',
      pool: 'open',
      score: 7250,
      waitlisted_position: pos(4),
      waitlisted_at: at(4),
      offer_expires_at: null,
    });
    const promoted = fold([
      ev(applicantWaitlisted('c1', 'ada', null, 72.5), 4),
      ev(seatReserved('c1', 'ada', null, { promoted: true }), 9),
    ]);
    expect(promoted).toMatchObject({
      status: 'reserved',
      promoted: 1,
      score: 7250,
      waitlisted_position: pos(4),
      offer_expires_at: '2026-03-20T08:00:00.000Z',
    });
    expect(fold([ev(applicantWaitlisted('c1', 'ada', null, null), 4), ev(waitlistLeft('c1', 'ada'), 5)])).toMatchObject(
      { status: 'left', score: null },
    );
  });

  // Issue 10 #3: a cancelled cohort's dashboard showed its seats and waitlist as if nothing happened.
  it('frees the seat or waitlist place of each enrollment the cancellation of its cohort closes', () => {
    const held = [ev(seatReserved('c1', 'ada', 'acme'), 1), ev(seatConfirmed('c1', 'ada'), 2)];
    expect(fold([...held, ev(cancelled('c1', 'ada'), 3)])).toMatchObject({
      status: 'released',
      offer_expires_at: null,
      last_position: pos(3),
    });
    expect(fold([ev(seatReserved('c1', 'ada', 'acme'), 1), ev(cancelled('c1', 'ada'), 2)])).toMatchObject({
      status: 'released',
      offer_expires_at: null,
    });
    expect(fold([ev(applicantWaitlisted('c1', 'ada', null, 60), 1), ev(cancelled('c1', 'ada'), 2)])).toMatchObject({
      status: 'left',
    });
    const released = fold([ev(seatReserved('c1', 'ada', 'acme'), 1), ev(seatReleased('c1', 'ada'), 2)]);
    expect(seatLedgerProjection.apply(released, ev(cancelled('c1', 'ada'), 3))).toBe(released);
    expect(fold([ev(cancelled('c1', 'ada'), 1)])).toBeNull();
  });

  it('changes nothing when events are delivered again', () => {
    const events = [
      ev(applicantWaitlisted('c1', 'ada', null, 60), 1),
      ev(seatReserved('c1', 'ada', null, { promoted: true }), 2),
      ev(seatConfirmed('c1', 'ada'), 3),
    ];
    const once = fold(events);
    expect(fold([...events, ...events])).toEqual(once);
    expect(seatLedgerProjection.apply(once, ev(seatReleased('c1', 'ada'), 3))).toBe(once);
  });

  it('ignores strays: a confirmation of no seat, a release of a waitlist place, a second confirmation', () => {
    expect(fold([ev(seatConfirmed('c1', 'ada'), 1), ev(seatReleased('c1', 'ada'), 2)])).toBeNull();
    const waiting = fold([ev(applicantWaitlisted('c1', 'ada', null, 60), 1)]);
    expect(seatLedgerProjection.apply(waiting, ev(seatReleased('c1', 'ada'), 2))).toBe(waiting);
    expect(seatLedgerProjection.apply(waiting, ev(seatConfirmed('c1', 'ada'), 2))).toBe(waiting);
    const released = fold([ev(seatReserved('c1', 'ada', 'acme'), 1), ev(seatReleased('c1', 'ada'), 2)]);
    expect(seatLedgerProjection.apply(released, ev(seatConfirmed('c1', 'ada'), 3))).toBe(released);
  });
});
