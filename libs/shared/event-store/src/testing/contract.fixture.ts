import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventStore, EventToAppend, Subscription, SubscriptionMessage } from '@sooc/event-sourcing';

export type StoreFactory = () => Promise<{ store: EventStore; cleanup(): Promise<void> }>;

/** Hands each test a fresh store and cleans it up, whatever the test did. */
export type CurrentStore = () => EventStore;

export const META: EventMetadata = {
  occurredAt: '2026-03-03T09:00:00.000Z',
  actor: { id: 'admin-1', role: 'admin' },
  correlationId: 'corr-1',
  causationId: null,
  schemaVersion: 1,
};

export function event(type = 'ThingHappened', data: unknown = { n: 1 }, metadata: EventMetadata = META): EventToAppend {
  return { id: randomUUID(), type, data, metadata };
}

export function events(count: number, type = 'ThingHappened'): EventToAppend[] {
  return Array.from({ length: count }, (_, n) => event(type, { n }));
}

let streamCounter = 0;
/** Unique per call, so tests never see each other's streams even on a shared store. */
export function streamOf(category = 'thing'): string {
  return `${category}-${Date.now().toString(36)}${(streamCounter++).toString(36)}`;
}

/** Awaits the next `count` messages, failing (instead of hanging) after `ms`. */
export async function take(subscription: Subscription, count: number, ms = 5000): Promise<SubscriptionMessage[]> {
  const iterator = subscription[Symbol.asyncIterator]();
  const out: SubscriptionMessage[] = [];
  const deadline = Date.now() + ms;
  while (out.length < count) {
    let timer: NodeJS.Timeout | undefined;
    const next = await Promise.race([
      iterator.next(),
      new Promise<'timeout'>(
        (resolve) => (timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()))),
      ),
    ]);
    clearTimeout(timer);
    if (next === 'timeout')
      throw new Error(`timed out after ${out.length} of ${count} messages: ${summarise(out).join(', ')}`);
    if (next.done) throw new Error(`subscription ended after ${out.length} of ${count} messages`);
    out.push(next.value);
  }
  return out;
}

/** Compact form for assertions: 'caught-up' or '<streamId>@<revision>'. */
export function summarise(messages: readonly SubscriptionMessage[]): string[] {
  return messages.map((m) => (m.kind === 'caught-up' ? 'caught-up' : `${m.event.streamId}@${m.event.revision}`));
}

export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, got success');
}
