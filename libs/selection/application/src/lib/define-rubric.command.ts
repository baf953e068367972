import { Command } from '@nestjs/cqrs';
import type { Criterion } from '@sooc/selection-domain';
import type { RubricOutcome } from './selection.outcomes';

export interface DefineRubricInput {
  readonly cohortId: string;
  readonly criteria: readonly Criterion[];
  readonly blind: boolean;
  readonly reviewsRequired: number;
}

export class DefineRubricCommand extends Command<RubricOutcome> {
  constructor(readonly data: DefineRubricInput) {
    super();
  }
}
