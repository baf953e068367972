import type { Decider } from '@sooc/event-sourcing';
import { decideApplication } from './decide-application.decide';
import { reviewApplication } from './review.decide';
import { defineRubric } from './rubric.decide';
import type { SelectionCommand } from './selection.commands';
import type { SelectionEvent } from './selection.events';
import { evolveSelection } from './selection.evolve';
import type { SelectionState } from './selection.state';

export function decideSelection(command: SelectionCommand, state: SelectionState): readonly SelectionEvent[] {
  switch (command.type) {
    case 'DefineRubric':
      return defineRubric(command, state);
    case 'ReviewApplication':
      return reviewApplication(command, state);
    case 'DecideApplication':
      return decideApplication(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`Unknown selection command ${JSON.stringify(unknown)}`);
    }
  }
}

export const selectionDecider: Decider<SelectionCommand, SelectionEvent, SelectionState> = {
  decide: decideSelection,
  evolve: evolveSelection,
  initialState: () => ({ status: 'none' }),
};
