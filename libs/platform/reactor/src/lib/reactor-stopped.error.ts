/**
 * A command the reactor gave up on because it stopped while the store kept failing. Not a
 * DomainError: it is no answer from an aggregate, so the event that called for the command is
 * not marked handled and the next start sends it again.
 */
export class ReactorStoppedError extends Error {
  override readonly name = 'ReactorStoppedError';

  constructor(streamId: string) {
    super(`the reactor stopped before the store accepted the commands for ${streamId}`);
  }
}
