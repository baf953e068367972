import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import type { RecordedEvent, Subscription, SubscriptionMessage } from '@sooc/event-sourcing';
import { isSystemEvent, toRecorded } from './esdb.envelope';

/**
 * Marks the caught-up point inside the client's own buffer. The client announces caught-up as an
 * event emitter signal while the history before it may still sit unread in its buffer; pushing a
 * marker at that moment puts it exactly after that history and before any live event.
 */
const CAUGHT_UP = Object.freeze({ caughtUp: true });
const CLOSED = Symbol('closed');
type Item = AllStreamResolvedEvent | typeof CAUGHT_UP;

export interface EsdbSubscriptionOptions {
  /** What the server-side filter could not express (see serverFilterOf). */
  readonly accept: (event: RecordedEvent) => boolean;
  readonly translate: (error: unknown) => unknown;
  readonly onClose: (subscription: EsdbSubscription) => void;
}

/** A catch-up subscription to `$all` in the port's terms, pulled one message at a time (backpressure is the client stream's). */
export class EsdbSubscription implements Subscription {
  private closed = false;
  private stop!: () => void;
  private readonly closing = new Promise<typeof CLOSED>((resolve) => (this.stop = () => resolve(CLOSED)));
  private readonly iterator: AsyncGenerator<SubscriptionMessage, void, undefined>;

  constructor(
    private readonly source: AllStreamSubscription,
    private readonly options: EsdbSubscriptionOptions,
  ) {
    source.on('caughtUp', () => source.push(CAUGHT_UP));
    this.iterator = this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    return {
      next: () => this.iterator.next(),
      return: async () => {
        await this.close();
        return { done: true, value: undefined };
      },
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stop();
    this.options.onClose(this);
    await this.source.unsubscribe();
  }

  private async *run(): AsyncGenerator<SubscriptionMessage, void, undefined> {
    const items = this.source[Symbol.asyncIterator]() as AsyncIterator<Item>;
    let caughtUp = false;
    try {
      while (!this.closed) {
        const pending = items.next();
        // Once closed, the abandoned read may still fail (premature close): that is not news.
        pending.catch(() => undefined);
        const next = await Promise.race([pending, this.closing]);
        if (next === CLOSED || next.done) return;
        if (next.value === CAUGHT_UP) {
          if (!caughtUp) yield { kind: 'caught-up' };
          caughtUp = true;
          continue;
        }
        const event = (next.value as AllStreamResolvedEvent).event;
        if (!event || isSystemEvent(event)) continue;
        const recorded = toRecorded(event);
        if (this.options.accept(recorded)) yield { kind: 'event', event: recorded };
      }
    } catch (error) {
      if (!this.closed) throw this.options.translate(error);
    } finally {
      await this.close();
    }
  }
}
