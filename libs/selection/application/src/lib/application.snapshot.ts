import type { EnrollmentState } from '@sooc/enrollment-domain';
import type { ApplicationSnapshot } from '@sooc/selection-domain';

/** The enrollment as the selection decider needs it; null when the learner never applied. */
export function applicationSnapshot(state: EnrollmentState): ApplicationSnapshot | null {
  if (state.status === 'none') return null;
  const { enrollmentId, learnerId, status, dossier } = state;
  return { enrollmentId, learnerId, status, companyId: dossier.companyId, level: dossier.level };
}
