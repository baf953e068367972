import { outcomeOf, type CommandRunner } from '@sooc/nest';
import { selectionDecider, selectionStream, type DefineRubric } from '@sooc/selection-domain';
import { existingCohort } from './cohort.seats';
import type { RubricOutcome } from './selection.outcomes';
import { currentRubric } from './selection.results';

export type DefineRubricInput = Omit<DefineRubric['data'], 'selectionPolicy'>;

/** The cohort's selection policy goes with the command: the decider refuses a rubric for a first-come cohort. */
export async function defineRubric(runner: CommandRunner, data: DefineRubricInput): Promise<RubricOutcome> {
  const { selectionPolicy } = await existingCohort(runner, data.cohortId);
  const command: Omit<DefineRubric, 'metadata'> = { type: 'DefineRubric', data: { ...data, selectionPolicy } };
  const result = await runner.run(selectionDecider, selectionStream(data.cohortId), command);
  return { ...outcomeOf(result), rubric: currentRubric(result.state) };
}
