import type { Actor } from './event.types';

/** Time and actor travel with the command: a decider never reads a clock or a request. */
export interface CommandMetadata {
  readonly now: Date;
  readonly actor: Actor;
}

export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}
