/** Who caused a change. `system` is the reactor and other workers acting on their own. */
export type ActorRole =
  'admin' | 'reviewer' | 'facilitator' | 'compliance' | 'partner' | 'learner' | 'system' | 'anonymous';

export interface Actor {
  readonly id: string;
  readonly role: ActorRole;
}

/** Stored with every event: enough to answer "who did this, when, and as part of what". */
export interface EventMetadata {
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly schemaVersion: number;
  /**
   * The W3C trace context of the command that wrote the event, when tracing is on: the projector,
   * the reactor and the webhooks continue the request's trace from it, in any process.
   */
  readonly traceparent?: string;
}

/** What a decider returns: a fact with a PascalCase past-tense type and plain JSON data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** An event ready for the store: the decider's fact plus its id and metadata. */
export interface EventToAppend<E extends DomainEvent = DomainEvent> {
  readonly id: string;
  readonly type: E['type'];
  readonly data: E['data'];
  readonly metadata: EventMetadata;
}

/**
 * An event as the store returns it. An intersection (not an interface) so that a union of
 * events stays a union a `switch (event.type)` can narrow.
 */
export type RecordedEvent<E extends DomainEvent = DomainEvent> = E & {
  readonly id: string;
  readonly metadata: EventMetadata;
  readonly streamId: string;
  /** 0-based, gapless within the stream. */
  readonly revision: bigint;
  /** Unique and increasing across the whole store; not necessarily contiguous. */
  readonly position: bigint;
  readonly recordedAt: string;
};
