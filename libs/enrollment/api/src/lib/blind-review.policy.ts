import type { Actor } from '@sooc/event-sourcing';
import type { Redaction } from './application.mapper';

/**
 * A blind rubric hides who applied from the reviewers scoring the dossier, so that the learner's
 * identity and employer cannot sway the score. Admins and the others who act on the outcome see
 * everything. The enrollment id stays: reviews and decisions must name the application. Whether
 * the cohort reviews blind is the selection's to say (`isBlindReview`).
 */
export function redactionFor(actor: Actor, blindReview: boolean): Redaction {
  return { identity: actor.role === 'reviewer' && blindReview };
}
