import type { DomainEvent } from './event.types';

/**
 * What a context tells the others about one of its aggregates (DESIGN §2): a fold of that
 * aggregate's stream and the view it answers with. Another context runs it through the command
 * runner (`CommandRunner.query`) and so never folds the aggregate with its decider, nor sees its
 * state: the owner can change both as long as the view keeps its meaning.
 */
export interface PublishedQuery<Id, View, State = unknown, E extends DomainEvent = DomainEvent> {
  readonly streamOf: (id: Id) => string;
  readonly initialState: () => State;
  readonly evolve: (state: State, event: E) => State;
  readonly view: (state: State) => View;
}
