import { loadCheckpoints, type ReadDb } from '@sooc/read-store';

export const REACTOR_CHECKPOINT = 'reactor.process-managers';

export interface CheckpointPolicy {
  /** Save once this many handled events are unsaved… */
  readonly maxEvents: number;
  /** …or once the oldest unsaved one is this old. */
  readonly maxMs: number;
}

export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = { maxEvents: 100, maxMs: 250 };

/**
 * The position of the last event whose reactions were all sent. Saved in batches: after a crash
 * the reactor re-handles at most the unsaved tail, which the deciders answer with nothing.
 * Saves are serialised, and only ever move the stored position forward.
 */
export class ReactorCheckpoint {
  private handledPosition: bigint | null = null;
  private savedPosition: bigint | null = null;
  private unsaved = 0;
  private unsavedSince = 0;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: ReadDb,
    private readonly policy: CheckpointPolicy = DEFAULT_CHECKPOINT_POLICY,
    /** Told the position loaded at start and each one saved after it. */
    private readonly onPosition: (position: bigint) => void = () => undefined,
  ) {}

  async load(): Promise<bigint | null> {
    const stored = (await loadCheckpoints(this.db, [REACTOR_CHECKPOINT])).get(REACTOR_CHECKPOINT) ?? null;
    this.handledPosition = this.savedPosition = stored;
    if (stored !== null) this.onPosition(stored);
    return stored;
  }

  get handled(): bigint | null {
    return this.handledPosition;
  }

  get saved(): bigint | null {
    return this.savedPosition;
  }

  markHandled(position: bigint): void {
    if (this.unsaved === 0) this.unsavedSince = performance.now();
    this.handledPosition = position;
    this.unsaved++;
  }

  get due(): boolean {
    return (
      this.unsaved >= this.policy.maxEvents ||
      (this.unsaved > 0 && performance.now() - this.unsavedSince >= this.policy.maxMs)
    );
  }

  /** Writes the handled position if it is ahead of the saved one; a failure leaves it unsaved for the next try. */
  save(): Promise<void> {
    const run = this.saving.then(async () => {
      const position = this.handledPosition;
      if (position === null || (this.savedPosition !== null && position <= this.savedPosition)) return;
      const count = this.unsaved;
      await saveForward(this.db, position);
      this.savedPosition = position;
      this.onPosition(position);
      // Events handled while this save ran stay counted for the next one.
      this.unsaved = Math.max(0, this.unsaved - count);
      if (this.unsaved > 0) this.unsavedSince = performance.now();
    });
    this.saving = run.catch(() => undefined);
    return run;
  }
}

/**
 * Upserts the position unless the stored one is already further: a reactor that lost its lease
 * saves when it stops, possibly after the one that took over saved further on. Positions are
 * decimal text without leading zeros (64-bit), so the longer one is the greater.
 */
async function saveForward(db: ReadDb, position: bigint): Promise<void> {
  const text = position.toString();
  const updatedAt = new Date().toISOString();
  await db
    .insertInto('projection_checkpoints')
    .values({ projection: REACTOR_CHECKPOINT, position: text, updated_at: updatedAt })
    .onConflict((oc) =>
      oc
        .column('projection')
        .doUpdateSet({ position: text, updated_at: updatedAt })
        .where((eb) => {
          const stored = eb.fn<number>('length', [eb.ref('projection_checkpoints.position')]);
          return eb.or([
            eb(stored, '<', text.length),
            eb.and([eb(stored, '=', text.length), eb('projection_checkpoints.position', '<', text)]),
          ]);
        }),
    )
    .execute();
}
