import type { CohortEvent, LedgerEntryStatus } from '@sooc/cohorts-domain/published';
import type { EnrollmentEvent } from '@sooc/enrollment-domain/published';
import type { Projection, RecordedEvent } from '@sooc/event-sourcing';
import { alreadyApplied, positionKey, scoreToColumn } from '@sooc/util';
import type { SeatRow } from './seat-ledger.read-model';

export type SeatLedgerEvent =
  | Extract<
      CohortEvent,
      { type: 'SeatReserved' | 'SeatConfirmed' | 'SeatReleased' | 'ApplicantWaitlisted' | 'WaitlistLeft' }
    >
  | Extract<EnrollmentEvent, { type: 'EnrollmentCancelled' }>;

export const SEAT_LEDGER_PROJECTION_EVENTS = [
  'SeatReserved',
  'SeatConfirmed',
  'SeatReleased',
  'ApplicantWaitlisted',
  'WaitlistLeft',
  'EnrollmentCancelled',
] as const satisfies readonly SeatLedgerEvent['type'][];

/** Moves of the ledger entries that only change the status; a stray event for another status changes nothing. */
const MOVES: Partial<
  Record<SeatLedgerEvent['type'], { readonly from: readonly LedgerEntryStatus[]; readonly to: LedgerEntryStatus }>
> = {
  SeatConfirmed: { from: ['reserved'], to: 'confirmed' },
  SeatReleased: { from: ['reserved', 'confirmed'], to: 'released' },
  WaitlistLeft: { from: ['waitlisted'], to: 'left' },
};

export function applySeatLedgerEvent(row: SeatRow | null, event: RecordedEvent<SeatLedgerEvent>): SeatRow | null {
  if (row && alreadyApplied(row.last_position, event.position)) return row;
  const at = event.metadata.occurredAt;
  const position = positionKey(event.position);

  if (event.type === 'SeatReserved' || event.type === 'ApplicantWaitlisted') {
    const d = event.data;
    const applicant = {
      enrollment_id: d.enrollmentId,
      cohort_id: d.cohortId,
      learner_id: d.learnerId,
      company_id: d.companyId,
      pool: d.pool,
      level: d.level,
    };
    if (event.type === 'SeatReserved') {
      return {
        ...applicant,
        status: 'reserved',
        // A promoted applicant keeps the score and waitlist place that got them the seat, for the record.
        score: row?.score ?? null,
        waitlisted_position: row?.waitlisted_position ?? null,
        waitlisted_at: row?.waitlisted_at ?? null,
        offer_expires_at: event.data.offerExpiresAt,
        promoted: event.data.promoted ? 1 : 0,
        updated_at: at,
        last_position: position,
      };
    }
    return {
      ...applicant,
      status: 'waitlisted',
      score: event.data.score === null ? null : scoreToColumn(event.data.score),
      waitlisted_position: position,
      waitlisted_at: at,
      offer_expires_at: null,
      promoted: row?.promoted ?? 0,
      updated_at: at,
      last_position: position,
    };
  }

  if (event.type === 'EnrollmentCancelled') {
    // The cohort's ledger keeps who held what when it was called off; each enrollment closed by
    // the cancellation frees its seat or waitlist place here, so the dashboard shows none left.
    if (!row) return row;
    const to =
      row.status === 'reserved' || row.status === 'confirmed'
        ? 'released'
        : row.status === 'waitlisted'
          ? 'left'
          : null;
    return to ? { ...row, status: to, offer_expires_at: null, updated_at: at, last_position: position } : row;
  }
  const move = MOVES[event.type];
  if (!row || !move || !move.from.includes(row.status)) return row;
  // A confirmed or released seat has no offer running any more.
  return { ...row, status: move.to, offer_expires_at: null, updated_at: at, last_position: position };
}

export const seatLedgerProjection: Projection<SeatRow, SeatLedgerEvent> = {
  name: 'cohorts.seat-ledger',
  table: 'cohort_seats',
  keyColumn: 'enrollment_id',
  handles: SEAT_LEDGER_PROJECTION_EVENTS,
  keyOf: (event) => event.data.enrollmentId,
  apply: applySeatLedgerEvent,
};
