import type { AdmitApplicant, WaitlistApplicant } from '@sooc/cohorts-domain';
import type { ApplicationSubmitted, RecordDecision } from '@sooc/enrollment-domain';
import type { ApplicationDecided } from '@sooc/selection-domain';
import { toCohort, toEnrollment } from './reaction.builders';
import type { Reaction } from './reaction.types';

/**
 * First-come cohorts admit on arrival: the cohort seats or waitlists in the order the reactor
 * sees submissions in $all, which is the order they were stored. Review cohorts wait for a
 * selection decision; ineligible applications go no further.
 */
export function onApplicationSubmitted({ data }: ApplicationSubmitted): Reaction[] {
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
 * A review decision is carried to the enrollment (who decided and why), and an admit or waitlist
 * decision to the cohort's seat ledger with the review score, which orders a 'score' waitlist.
 * The enrollment goes first so its history reads "admitted" before "seat offered".
 */
export function onApplicationDecided({ data }: ApplicationDecided): Reaction[] {
  const { cohortId, enrollmentId, learnerId, companyId, level, decision, decidedBy, reason, decisionId, record } = data;
  const recorded = toEnrollment<RecordDecision>({
    type: 'RecordDecision',
    data: { enrollmentId, cohortId, learnerId, decision, by: decidedBy, reason, decisionId },
  });
  const applicant = { enrollmentId, learnerId, companyId, level };
  const score = record.averageScore;
  switch (decision) {
    case 'admit':
      return [
        recorded,
        toCohort<AdmitApplicant>({ type: 'AdmitApplicant', data: { cohortId, applicant, score, decisionId } }),
      ];
    case 'waitlist':
      return [
        recorded,
        toCohort<WaitlistApplicant>({ type: 'WaitlistApplicant', data: { cohortId, applicant, score, decisionId } }),
      ];
    case 'reject':
      return [recorded];
    default: {
      const unknown: never = decision;
      throw new Error(`Unknown decision ${String(unknown)}`);
    }
  }
}
