import type { Command } from './command.types';
import type { DomainEvent } from './event.types';

/**
 * An aggregate as three pure functions. `decide` throws a DomainError to refuse a command and
 * returns [] when the command changes nothing (an idempotent repeat).
 */
export interface Decider<C extends Command, E extends DomainEvent, S> {
  readonly decide: (command: C, state: S) => readonly E[];
  readonly evolve: (state: S, event: E) => S;
  readonly initialState: () => S;
}

export function fold<E extends DomainEvent, S>(
  decider: Pick<Decider<never, E, S>, 'evolve' | 'initialState'>,
  events: readonly E[],
): S {
  return events.reduce(decider.evolve, decider.initialState());
}
