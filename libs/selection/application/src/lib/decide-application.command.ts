import { Command } from '@nestjs/cqrs';
import type { Decision } from '@sooc/selection-domain';
import type { DecisionOutcome } from './selection.outcomes';

export interface DecideApplicationInput {
  readonly cohortId: string;
  readonly learnerId: string;
  readonly decision: Decision;
  readonly reason: string;
}

/** The decider is the caller of the request; the record is taken from the stores at the moment of deciding. */
export class DecideApplicationCommand extends Command<DecisionOutcome> {
  constructor(readonly data: DecideApplicationInput) {
    super();
  }
}
