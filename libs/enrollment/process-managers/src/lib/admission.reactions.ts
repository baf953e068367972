import type { RecordDecision } from '@sooc/enrollment-domain';
import type { ApplicationDecided } from '@sooc/selection-domain/published';
import { toEnrollment } from './reaction.builders';
import type { EnrollmentReaction } from './reaction.types';

/**
 * A review decision is carried to the enrollment (who decided and why). The reactor sends it
 * before the cohort's admission of the same decision, so the history reads "admitted" before
 * "seat offered".
 */
export function onApplicationDecided({ data }: ApplicationDecided): EnrollmentReaction[] {
  const { cohortId, enrollmentId, learnerId, decision, decidedBy, reason, decisionId } = data;
  return [
    toEnrollment<RecordDecision>({
      type: 'RecordDecision',
      data: { enrollmentId, cohortId, learnerId, decision, by: decidedBy, reason, decisionId },
    }),
  ];
}
