import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, outcomeOf } from '@sooc/nest';
import { selectionDecider, selectionStream, type DefineRubric } from '@sooc/selection-domain';
import { DefineRubricCommand } from './define-rubric.command';
import { SelectionLoader } from './selection.loader';
import type { RubricOutcome } from './selection.outcomes';
import { currentRubric } from './selection.results';

/** The cohort's selection policy goes with the command: the decider refuses a rubric for a first-come cohort. */
@CommandHandler(DefineRubricCommand)
export class DefineRubricHandler implements ICommandHandler<DefineRubricCommand, RubricOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly load: SelectionLoader,
  ) {}

  async execute({ data }: DefineRubricCommand): Promise<RubricOutcome> {
    const { selectionPolicy } = await this.load.cohort(data.cohortId);
    const command: Omit<DefineRubric, 'metadata'> = { type: 'DefineRubric', data: { ...data, selectionPolicy } };
    const result = await this.runner.run(selectionDecider, selectionStream(data.cohortId), command);
    return { ...outcomeOf(result), rubric: currentRubric(result.state) };
  }
}
