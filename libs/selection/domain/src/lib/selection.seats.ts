import type { AdmissionOutcome, Applicant, CohortSeats, PendingAdmission } from '@sooc/cohorts-domain/published';
import type { CommandMetadata } from '@sooc/event-sourcing';
import type { ApplicationSnapshot } from './selection.commands';
import type { SelectionState } from './selection.state';

export type SeatsWhenApplied = AdmissionOutcome;

/**
 * Decisions on one selection stream are serialized by its expected revision, and the reactor
 * applies them to the cohort's ledger in that same order. So the ledger the decision will meet is
 * the cohort's ledger as read plus this round's earlier admit and waitlist decisions it has not
 * applied yet: the cohort answers that (its published `admissionAfter`), given them in order.
 * Two ADMITs back to back for a quota of 1 therefore see each other: the second one's record
 * shows the quota used, and it is refused.
 */
export function seatsWhenApplied(
  state: SelectionState,
  cohort: CohortSeats,
  application: ApplicationSnapshot,
  score: number | null,
  metadata: CommandMetadata,
): SeatsWhenApplied {
  const earlier: PendingAdmission[] =
    state.status !== 'active'
      ? []
      : Object.values(state.decisions)
          .filter((d) => d.decision !== 'reject' && !cohort.knows(d.applicant.enrollmentId))
          .sort((a, b) => a.order - b.order)
          .map((d) => ({
            decision: d.decision as 'admit' | 'waitlist',
            applicant: applicantOf(d.applicant),
            score: d.score,
          }));
  return cohort.admissionAfter(earlier, applicantOf(application), score, metadata.now);
}

const applicantOf = ({ enrollmentId, learnerId, companyId, level }: Applicant) => ({
  enrollmentId,
  learnerId,
  companyId,
  level,
});
