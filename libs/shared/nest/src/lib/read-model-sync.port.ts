/** One projection transaction committed: which rows changed, up to which global position. */
export interface CommittedChange {
  readonly projection: string;
  readonly keys: readonly string[];
  readonly position: bigint;
}

/**
 * What the API needs from the projection runner, as a port so API code never depends on the
 * read-store infrastructure (the gateway binds the real runner to READ_MODEL_SYNC).
 */
export interface ReadModelSync {
  /** Resolves once every projection has applied `position`; rejects after `timeoutMs`. */
  waitForPosition(position: bigint, timeoutMs?: number): Promise<void>;
  /** Returns the function that stops listening. */
  onCommitted(listener: (change: CommittedChange) => void): () => void;
}
