import type { EventToAppend, RecordedEvent } from './event.types';

/**
 * The one port every event-store adapter implements (memory, sqlite, esdb). Its behaviour is
 * pinned down by the contract suite in @sooc/event-store, not by this file.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event of the stream after the append (pass it as the next expected revision). */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last event written (or already present, for an idempotent repeat). */
  readonly position: bigint;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** Revision to start at, inclusive. Default: 'start' forwards, 'end' backwards. */
  readonly from?: bigint | 'start' | 'end';
  readonly direction?: Direction;
  readonly max?: number;
}

/** Both lists are "any of"; an empty or absent list means no restriction. */
export interface EventFilter {
  readonly categories?: readonly string[];
  readonly eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  /** Global position to start after (exclusive). Default: 'start' forwards, 'end' backwards. */
  readonly from?: bigint | 'start' | 'end';
  readonly direction?: Direction;
  readonly max?: number;
  readonly filter?: EventFilter;
}

export interface SubscribeAllOptions {
  /** Checkpoint: the position of the last event already handled (exclusive). Default 'start'. */
  readonly from?: bigint | 'start';
  readonly filter?: EventFilter;
}

export type SubscriptionMessage =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  /** Sent once, after history and before live events. */
  | { readonly kind: 'caught-up' };

/** A catch-up subscription: history, one caught-up signal, then live events, until closed. */
export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  close(): Promise<void>;
}

export interface EventStore {
  append(streamId: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult>;
  /** A stream that does not exist reads as []. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeAll(options?: SubscribeAllOptions): Subscription;
  /** Position of the newest event in the store, or null when empty (read-your-writes, lag). */
  headPosition(): Promise<bigint | null>;
  close(): Promise<void>;
}
