import {
  cohortDecider,
  ledgerEntry,
  seatSnapshot,
  type CohortCommand,
  type CohortEvent,
  type CohortState,
  type ExistingCohort,
} from '@sooc/cohorts-domain';
import { DomainError, type CommandMetadata } from '@sooc/event-sourcing';
import type { ApplicationSnapshot } from './selection.commands';
import type { SeatSnapshot } from './selection.events';
import type { SelectionState } from './selection.state';

export interface SeatsWhenApplied {
  /** The seats as the ledger will be when the reactor applies this decision: the record. */
  readonly seats: SeatSnapshot;
  /** Earlier admit and waitlist decisions of this round the ledger had not applied yet. */
  readonly pending: number;
  /** What an admit would do there: a seat, or the waitlist (and the cohort's reason). */
  readonly admit: { readonly seated: true } | { readonly seated: false; readonly reason: string };
}

const commandOf = (
  type: 'AdmitApplicant' | 'WaitlistApplicant',
  cohortId: string,
  applicant: ApplicationSnapshot | NonNullable<PendingDecision>['applicant'],
  score: number | null,
  metadata: CommandMetadata,
): CohortCommand => {
  const { enrollmentId, learnerId, companyId, level } = applicant;
  return { type, data: { cohortId, applicant: { enrollmentId, learnerId, companyId, level }, score }, metadata };
};

type PendingDecision = Extract<SelectionState, { status: 'active' }>['decisions'][string];

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
 * Decisions on one selection stream are serialized by its expected revision, and the reactor
 * applies them to the cohort's ledger in that same order. So the ledger the decision will meet is
 * the cohort's ledger as read, plus this round's earlier admit and waitlist decisions it has not
 * applied yet, folded through the cohort's own decider. Two ADMITs back to back for a quota of 1
 * therefore see each other: the second one's record shows the quota used, and it is refused.
 */
export function seatsWhenApplied(
  state: SelectionState,
  cohort: ExistingCohort,
  application: ApplicationSnapshot,
  score: number | null,
  metadata: CommandMetadata,
): SeatsWhenApplied {
  let ledger: CohortState = cohort;
  let pending = 0;
  if (state.status === 'active') {
    const unapplied = Object.values(state.decisions)
      .filter((d) => d.decision !== 'reject' && !ledgerEntry(cohort.ledger, d.applicant.enrollmentId))
      .sort((a, b) => a.order - b.order);
    for (const d of unapplied) {
      const type = d.decision === 'admit' ? 'AdmitApplicant' : 'WaitlistApplicant';
      ledger = applied(ledger, commandOf(type, cohort.cohortId, d.applicant, d.score, metadata)).state;
      pending++;
    }
  }
  const seats = seatSnapshot(ledger, application.companyId);
  const trial = applied(ledger, commandOf('AdmitApplicant', cohort.cohortId, application, score, metadata)).events;
  const waitlisted = trial.find((e) => e.type === 'ApplicantWaitlisted');
  return {
    seats,
    pending,
    admit:
      waitlisted?.type === 'ApplicantWaitlisted' ? { seated: false, reason: waitlisted.data.reason } : { seated: true },
  };
}
