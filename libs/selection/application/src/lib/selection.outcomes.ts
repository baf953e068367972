import type { ApplicationDecided, ApplicationReviewed, Rubric } from '@sooc/selection-domain';
import type { CommandOutcome } from '@sooc/nest';

/**
 * What a selection write hands back: the position (read-your-writes) and the object written, taken
 * from the command's own result. Selection has no read model of its own to read it back from.
 */
export interface RubricOutcome extends CommandOutcome {
  readonly rubric: Rubric;
}

export type ReviewView = Omit<ApplicationReviewed['data'], 'cohortId'>;

export interface ReviewOutcome extends CommandOutcome {
  readonly review: ReviewView;
}

export type DecisionView = Omit<ApplicationDecided['data'], 'cohortId'>;

export interface DecisionOutcome extends CommandOutcome {
  readonly decision: DecisionView;
}
