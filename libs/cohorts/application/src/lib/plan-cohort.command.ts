import { Command } from '@nestjs/cqrs';
import type { PlanCohortData } from '@sooc/cohorts-domain';
import type { CommandOutcome } from './command-outcome';

/** Everything but the course state, which the handler reads from the course stream itself. */
export type PlanCohortInput = Omit<PlanCohortData, 'course'>;

export class PlanCohortCommand extends Command<CommandOutcome> {
  constructor(readonly data: PlanCohortInput) {
    super();
  }
}
