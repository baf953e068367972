import type { RecordedEvent, Subscription, SubscriptionMessage } from '@sooc/event-sourcing';
import type { Signal } from './signal';

export interface BatchSink {
  commit(batch: readonly RecordedEvent[]): Promise<void>;
  caughtUp(): void;
}

export interface BatchOptions {
  readonly batchSize: number;
  /** Fired (and `stopping` true) when the reader should commit what it holds and return. */
  readonly stop: Signal;
  readonly stopping: () => boolean;
}

const IDLE: unique symbol = Symbol('idle');
const STOP: unique symbol = Symbol('stop');
type Next = IteratorResult<SubscriptionMessage> | typeof IDLE | typeof STOP;

/**
 * Turns a catch-up subscription into batches: up to `batchSize` events, or fewer as soon as no
 * message is ready. History arrives as a burst of microtasks and fills whole batches; a live
 * event is committed in the first turn of the event loop that brings nothing more.
 */
export async function readInBatches(subscription: Subscription, sink: BatchSink, options: BatchOptions): Promise<void> {
  const messages = subscription[Symbol.asyncIterator]();
  let pending = messages.next();
  let batch: RecordedEvent[] = [];
  let idle: Promise<typeof IDLE> = Promise.resolve(IDLE);
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const full = batch;
    batch = [];
    await sink.commit(full);
  };
  while (!options.stopping()) {
    const next: Next = batch.length > 0 ? await Promise.race([pending, idle]) : await unlessStopped(pending, options.stop);
    if (next === STOP) break;
    if (next === IDLE) {
      await flush();
      continue;
    }
    if (next.done) break;
    pending = messages.next();
    if (next.value.kind === 'caught-up') {
      await flush();
      sink.caughtUp();
      continue;
    }
    batch.push(next.value.event);
    if (batch.length === 1) idle = new Promise((resolve) => setImmediate(() => resolve(IDLE)));
    if (batch.length >= options.batchSize) await flush();
  }
  await flush();
}

/** Waits for the next message unless asked to stop first; leaves no waiter behind either way. */
async function unlessStopped(pending: Promise<IteratorResult<SubscriptionMessage>>, stop: Signal): Promise<Next> {
  const { fired, cancel } = stop.listen();
  try {
    return await Promise.race([pending, fired.then((): typeof STOP => STOP)]);
  } finally {
    cancel();
  }
}
