import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@sooc/event-sourcing';
import type { CommandOutcome } from './command-outcome';
import { PositionAheadError } from './position-ahead.error';
import { waitForReadModels, type ReadModelSync } from './read-model-sync.port';
import { EVENT_STORE, READ_MODEL_SYNC } from './tokens';

/** Long enough for a busy embedded runner, short enough that a stuck one is reported. */
export const READ_YOUR_WRITES_TIMEOUT_MS = 5_000;

/** The API's two waits on the read models, the same for every context's reader. */
@Injectable()
export class ReadYourWrites {
  constructor(
    @Inject(READ_MODEL_SYNC) private readonly sync: ReadModelSync,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /**
   * A query's `consistentWith`: wait until the read models reflect that position. A position past
   * the store's head was never returned by a write (the head only grows), so it is refused at once
   * (PositionAheadError) instead of timing out.
   */
  async consistentWith(position: bigint | null | undefined): Promise<void> {
    if (position === null || position === undefined) return;
    const head = await this.store.headPosition();
    // 0 is "anything": every store has reached it, even an empty one.
    if (position > (head ?? 0n)) throw new PositionAheadError(position, head);
    await this.waitFor(position);
  }

  /**
   * After a write: wait for its position, or, when it wrote nothing (an idempotent repeat), for
   * the store's head, which covers the earlier write that made it a repeat.
   */
  async afterWrite(outcome: CommandOutcome): Promise<void> {
    // A write's own position, or the head: the store reached both, so no head check is needed.
    const position = outcome.position ?? (await this.store.headPosition());
    if (position !== null) await this.waitFor(position);
  }

  private waitFor(position: bigint): Promise<void> {
    return waitForReadModels(this.sync, position, READ_YOUR_WRITES_TIMEOUT_MS);
  }
}
