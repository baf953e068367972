import { DomainError, type Actor } from '@sooc/event-sourcing';
import type { CohortCommand } from './cohort.commands';
import { cohortDecider } from './cohort.decider';
import type { CohortEvent } from './cohort.events';
import type { CohortState } from './cohort.state';
import { ledgerEntry } from './seat-ledger.query';
import type { Applicant } from './seat-ledger.types';
import { seatSnapshot, type SeatSnapshot } from './seat-snapshot.query';

/** A decision another context took and the ledger has not applied yet (a selection admit or waitlist). */
export interface PendingAdmission {
  readonly decision: 'admit' | 'waitlist';
  readonly applicant: Applicant;
  readonly score: number | null;
}

export interface AdmissionOutcome {
  /** The seats as the ledger will be once the pending decisions are applied: what the applicant meets. */
  readonly seats: SeatSnapshot;
  /** How many of the pending decisions the ledger had not applied yet. */
  readonly pending: number;
  /** What admitting the applicant there would do: a seat, or the waitlist (and the cohort's reason). */
  readonly admit: { readonly seated: true } | { readonly seated: false; readonly reason: string };
}

const SIMULATION: Actor = { id: 'admission-preview', role: 'system' };

function applied(state: CohortState, command: CohortCommand): { state: CohortState; events: readonly CohortEvent[] } {
  try {
    const events = cohortDecider.decide(command, state);
    return { state: events.reduce(cohortDecider.evolve, state), events };
  } catch (error) {
    // The ledger would refuse it too (a cohort past admissions): it changes nothing there either.
    if (error instanceof DomainError) return { state, events: [] };
    throw error;
  }
}

/**
 * The ledger an admission will meet: the cohort as read, with the `earlier` decisions it has not
 * applied yet run through the cohort's own decider in order (the reactor applies them in that
 * order), then a trial admission of `applicant`. The cohort answers, so no other context ever
 * runs its decider.
 */
export function admissionAfter(
  state: CohortState,
  earlier: readonly PendingAdmission[],
  applicant: Applicant,
  score: number | null,
  now: Date,
): AdmissionOutcome {
  if (state.status === 'none') {
    return {
      seats: seatSnapshot(state, applicant.companyId),
      pending: 0,
      admit: { seated: false, reason: 'no cohort' },
    };
  }
  const { cohortId } = state;
  const metadata = { now, actor: SIMULATION };
  let ledger: CohortState = state;
  let pending = 0;
  for (const d of earlier) {
    if (ledgerEntry(state.ledger, d.applicant.enrollmentId)) continue;
    const type = d.decision === 'admit' ? 'AdmitApplicant' : 'WaitlistApplicant';
    ledger = applied(ledger, { type, data: { cohortId, applicant: d.applicant, score: d.score }, metadata }).state;
    pending++;
  }
  const seats = seatSnapshot(ledger, applicant.companyId);
  const trial = applied(ledger, { type: 'AdmitApplicant', data: { cohortId, applicant, score }, metadata }).events;
  const waitlisted = trial.find((e) => e.type === 'ApplicantWaitlisted');
  return {
    seats,
    pending,
    admit:
      waitlisted?.type === 'ApplicantWaitlisted' ? { seated: false, reason: waitlisted.data.reason } : { seated: true },
  };
}
