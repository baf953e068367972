import { Tracing, type Span, type TraceContext } from '@sooc/util';
import { newEventId } from './event-id';
import type { Command } from './command.types';
import type { Decider } from './decider.types';
import { ConcurrencyError } from './errors';
import type { Actor, DomainEvent, EventMetadata, EventToAppend } from './event.types';
import type { AppendResult, EventStore, ExpectedRevision } from './event-store.port';
import { loadStream, type StreamStateCache } from './stream-state.cache';

export interface CommandContext {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId?: string | null;
  readonly now: () => Date;
  /** Stamped on the events as `metadata.traceparent` (tracing on): a reaction's span. */
  readonly traceparent?: string;
  /** The span the command's own is a child of (a request's GraphQL operation); the active context when not given. */
  readonly trace?: TraceContext;
}

export interface HandleCommandOptions {
  /** How many times a ConcurrencyError is retried with a fresh read before it is raised. */
  readonly maxRetries?: number;
  readonly schemaVersion?: number;
  /** The id of the index-th event of an attempt: fresh by default, derived from a key for a retried request. */
  readonly newId?: (index: number) => string;
  /** Folded states to start from, so a long stream is not re-read from its first event each time. */
  readonly cache?: StreamStateCache;
}

export interface CommandResult<E extends DomainEvent, S> {
  readonly events: readonly E[];
  readonly state: S;
  /** Position of the last event written, or null when the command changed nothing. */
  readonly position: bigint | null;
  readonly revision: bigint | null;
  /** What was stamped on the events written (time, actor, correlation), or null when nothing was. */
  readonly metadata: EventMetadata | null;
}

export const DEFAULT_MAX_RETRIES = 5;

/**
 * Load → fold → decide → append with the expected revision; on a conflict, read again and
 * decide again (the decision may now be different, e.g. the cohort just filled up). With a
 * cache, a stream not in it is first tried as a new one (see below).
 */
export function handleCommand<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  streamId: string,
  command: Omit<C, 'metadata'>,
  context: CommandContext,
  options: HandleCommandOptions = {},
): Promise<CommandResult<E, S>> {
  if (!Tracing.enabled) return decideAndAppend(store, decider, streamId, command, context, options, null);
  const parent = context.trace;
  const attributes = { 'sooc.stream': streamId, 'sooc.retries': 0 };
  return Tracing.inSpan(`command ${command.type}`, { parent, attributes }, (span) =>
    decideAndAppend(store, decider, streamId, command, span ? underSpan(context, span) : context, options, span),
  );
}

/** The events continue the command's span (or the reaction's that sent it); the append is the command's child. */
function underSpan(context: CommandContext, span: Span): CommandContext {
  return {
    ...context,
    traceparent: context.traceparent ?? Tracing.traceparentOf(span),
    trace: Tracing.contextOf(span, context.trace),
  };
}

async function decideAndAppend<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  streamId: string,
  command: Omit<C, 'metadata'>,
  context: CommandContext,
  options: HandleCommandOptions,
  span: Span | null,
): Promise<CommandResult<E, S>> {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const newId = options.newId ?? newEventId;
  const attempt = async (state: S, revision: bigint | null, guess: boolean): Promise<CommandResult<E, S> | null> => {
    const now = context.now();
    const decide = () => decider.decide({ ...command, metadata: { now, actor: context.actor } } as C, state);
    let events: readonly E[];
    if (!guess) events = decide();
    else {
      // A guess that the command fails or does nothing on a new stream proves nothing: read.
      try {
        events = decide();
      } catch {
        return null;
      }
      if (events.length === 0) return null;
    }
    if (events.length === 0) return { events, state, position: null, revision, metadata: null };

    const metadata = metadataOf(context, now, options.schemaVersion);
    const toAppend: EventToAppend[] = events.map((e, index) => ({
      id: newId(index),
      type: e.type,
      data: e.data,
      metadata,
    }));
    const expectedRevision = revision ?? 'no_stream';
    span?.setAttribute('sooc.expected_revision', String(expectedRevision));
    const result = await appendTraced(store, streamId, toAppend, expectedRevision, context.trace);
    const after = events.reduce(decider.evolve, state);
    options.cache?.set(decider, streamId, { state: after, revision: result.nextExpectedRevision });
    return { events, state: after, position: result.position, revision: result.nextExpectedRevision, metadata };
  };

  // A stream this process has not folded is, for the commands that create streams (an
  // application, a cohort), usually new: decide on the initial state and append with no_stream,
  // which costs no read. If the stream exists after all, the store refuses the append and the
  // loop below reads it and decides again, as for any conflict.
  if (options.cache && !options.cache.get(decider, streamId)) {
    try {
      const guessed = await attempt(decider.initialState(), null, true);
      if (guessed) return guessed;
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }
  for (let retry = 0; ; retry++) {
    if (retry > 0) span?.setAttribute('sooc.retries', retry);
    const { state, revision } = await loadStream(store, decider, streamId, options.cache);
    try {
      return (await attempt(state, revision, false)) as CommandResult<E, S>;
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || retry >= maxRetries) throw error;
    }
  }
}

/** What a command stamps on the events it writes: when, who, the request and the trace it belongs to. */
export function metadataOf(context: CommandContext, now: Date, schemaVersion = 1): EventMetadata {
  return {
    occurredAt: now.toISOString(),
    actor: context.actor,
    correlationId: context.correlationId,
    causationId: context.causationId ?? null,
    schemaVersion,
    ...traceOf(context),
  };
}

/** The span the events continue: the caller's (a reaction's), else the one the context names (tracing on). */
export function traceOf(context: CommandContext): { traceparent?: string } {
  const traceparent = context.traceparent ?? Tracing.traceparent(context.trace);
  return traceparent ? { traceparent } : {};
}

/** The store's append as a span of its own: the stream, how many events, the expected revision. */
function appendTraced(
  store: EventStore,
  streamId: string,
  events: readonly EventToAppend[],
  expectedRevision: ExpectedRevision,
  parent?: TraceContext,
): Promise<AppendResult> {
  if (!Tracing.enabled) return store.append(streamId, events, { expectedRevision });
  return Tracing.inSpan(
    'append',
    {
      parent,
      attributes: {
        'sooc.stream': streamId,
        'sooc.events': events.length,
        'sooc.expected_revision': String(expectedRevision),
      },
    },
    async (span) => {
      const result = await store.append(streamId, events, { expectedRevision });
      span?.setAttribute('sooc.position', String(result.position));
      return result;
    },
  );
}
