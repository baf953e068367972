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

/** The read models did not catch up in time: the write (if any) happened, the read is not possible yet. */
export class ReadModelTimeoutError extends Error {
  constructor(
    readonly position: bigint,
    override readonly cause: unknown,
  ) {
    super(
      `The read models have not reached position ${position} yet; retry the query with consistentWith: "${position}"`,
    );
    this.name = 'ReadModelTimeoutError';
  }
}

/** `sync.waitForPosition`, reporting a timeout as a ReadModelTimeoutError the edge can name. */
export async function waitForReadModels(sync: ReadModelSync, position: bigint, timeoutMs: number): Promise<void> {
  try {
    await sync.waitForPosition(position, timeoutMs);
  } catch (error) {
    throw new ReadModelTimeoutError(position, error);
  }
}
