import { hidesIdentity, mayReadDossierText, type Principal } from '@sooc/auth';
import type { Redaction } from './application.mapper';

/**
 * What of an application the caller sees. A blind rubric hides who applied from the reviewers
 * scoring the dossier, so that the learner's identity and employer cannot sway the score; the
 * application keeps its opaque reference, by which they review it. A partner company sees its
 * employees' applications without their words nor the staff's; a learner their own without the
 * reviewers' notes. Whether the cohort reviews blind is the selection's to say (`isBlindReview`).
 */
export function redactionFor(principal: Principal, blindReview: boolean): Redaction {
  const partner = principal.role === 'partner';
  return {
    identity: hidesIdentity(principal, blindReview),
    dossierText: !mayReadDossierText(principal),
    reviews: partner || principal.role === 'learner',
    reasons: partner,
  };
}
