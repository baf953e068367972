/** What a write tells its caller: where it landed, so a read can wait for the read model to get there. */
export interface CommandOutcome {
  /** Global position of the last event written, or null when the command changed nothing. */
  readonly position: bigint | null;
  /** The stream's revision after the command (null when the stream does not exist). */
  readonly revision: bigint | null;
}

export function outcomeOf(result: CommandOutcome): CommandOutcome {
  return { position: result.position, revision: result.revision };
}
