import type { EventStore } from '@sooc/event-sourcing';
import { isReached, probeStore, type StoreProbe } from './reached-position';

/**
 * Read-your-writes answers for many waiters from few store reads (see reached-position.ts).
 * Waiters woken by the same poll share the look in flight. A finished look is reused while the
 * lowest checkpoint stays put and the store had already passed the position asked: the answer
 * cannot change until a checkpoint moves, so a stalled projector costs no store reads per poll.
 */
export class SharedStoreProbe {
  private last: {
    readonly lowest: bigint | null;
    readonly result: Promise<StoreProbe>;
    settled: StoreProbe | null;
  } | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly eventTypes: readonly string[],
  ) {}

  async reached(lowest: bigint | null, position: bigint): Promise<boolean> {
    if (lowest !== null && lowest >= position) return true;
    const last = this.last;
    const reusable =
      last !== null &&
      last.lowest === lowest &&
      (last.settled === null || (last.settled.head !== null && last.settled.head >= position));
    const probe = reusable ? last : this.start(lowest);
    return isReached(await probe.result, position);
  }

  private start(lowest: bigint | null): NonNullable<SharedStoreProbe['last']> {
    const probe = {
      lowest,
      result: probeStore(this.store, this.eventTypes, lowest),
      settled: null as StoreProbe | null,
    };
    probe.result.then(
      (settled) => (probe.settled = settled),
      // A failed look is not kept: the next waiter asks again.
      () => {
        if (this.last === probe) this.last = null;
      },
    );
    this.last = probe;
    return probe;
  }
}
