import type { Actor } from '@sooc/event-sourcing';
import type { RubricView } from '@sooc/enrollment-read-models';
import type { Redaction } from './application.mapper';

/**
 * A blind rubric hides who applied from the reviewers scoring the dossier, so that the learner's
 * identity and employer cannot sway the score. Admins and the others who act on the outcome see
 * everything. The enrollment id stays: reviews and decisions must name the application.
 */
export function redactionFor(actor: Actor, rubric: Pick<RubricView, 'blind'> | null): Redaction {
  return { identity: actor.role === 'reviewer' && rubric?.blind === true };
}
