import type { AdmitApplicant, WaitlistApplicant } from '@sooc/cohorts-domain';
import type { ApplicationSubmitted } from '@sooc/enrollment-domain/published';
import type { ApplicationDecided } from '@sooc/selection-domain/published';
import { toCohort, type CohortReaction } from './cohort.reaction';

/**
 * First-come cohorts admit on arrival: the cohort seats or waitlists in the order the reactor
 * sees submissions in $all, which is the order they were stored. Review cohorts wait for a
 * selection decision; ineligible applications go no further.
 */
export function onApplicationSubmitted({ data }: ApplicationSubmitted): CohortReaction[] {
  if (!data.eligible || data.selectionPolicy !== 'first-come') return [];
  const { enrollmentId, cohortId, learnerId, dossier } = data;
  return [
    toCohort<AdmitApplicant>({
      type: 'AdmitApplicant',
      data: {
        cohortId,
        applicant: { enrollmentId, learnerId, companyId: dossier.companyId, level: dossier.level },
        score: null,
      },
    }),
  ];
}

/**
 * An admit or waitlist decision goes to the cohort's seat ledger with the review score, which
 * orders a 'score' waitlist; a rejection leaves the ledger alone.
 */
export function onApplicationDecided({ data }: ApplicationDecided): CohortReaction[] {
  const { cohortId, enrollmentId, learnerId, companyId, level, decision, decisionId, record } = data;
  const applicant = { enrollmentId, learnerId, companyId, level };
  const score = record.averageScore;
  switch (decision) {
    case 'admit':
      return [toCohort<AdmitApplicant>({ type: 'AdmitApplicant', data: { cohortId, applicant, score, decisionId } })];
    case 'waitlist':
      return [
        toCohort<WaitlistApplicant>({ type: 'WaitlistApplicant', data: { cohortId, applicant, score, decisionId } }),
      ];
    case 'reject':
      return [];
    default: {
      const unknown: never = decision;
      throw new Error(`Unknown decision ${String(unknown)}`);
    }
  }
}
