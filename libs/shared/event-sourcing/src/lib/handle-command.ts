import { newEventId } from './event-id';
import type { Command } from './command.types';
import type { Decider } from './decider.types';
import { ConcurrencyError } from './errors';
import type { Actor, DomainEvent, EventMetadata, EventToAppend } from './event.types';
import type { EventStore } from './event-store.port';
import { loadStream, type StreamStateCache } from './stream-state.cache';

export interface CommandContext {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId?: string | null;
  readonly now: () => Date;
}

export interface HandleCommandOptions {
  /** How many times a ConcurrencyError is retried with a fresh read before it is raised. */
  readonly maxRetries?: number;
  readonly schemaVersion?: number;
  readonly newId?: () => string;
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
 * decide again (the decision may now be different, e.g. the cohort just filled up).
 */
export async function handleCommand<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  streamId: string,
  command: Omit<C, 'metadata'>,
  context: CommandContext,
  options: HandleCommandOptions = {},
): Promise<CommandResult<E, S>> {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const newId = options.newId ?? newEventId;
  for (let attempt = 0; ; attempt++) {
    const { state, revision } = await loadStream(store, decider, streamId, options.cache);

    const now = context.now();
    const events = decider.decide({ ...command, metadata: { now, actor: context.actor } } as C, state);
    if (events.length === 0) return { events, state, position: null, revision, metadata: null };

    const metadata: EventMetadata = {
      occurredAt: now.toISOString(),
      actor: context.actor,
      correlationId: context.correlationId,
      causationId: context.causationId ?? null,
      schemaVersion: options.schemaVersion ?? 1,
    };
    const toAppend: EventToAppend[] = events.map((e) => ({ id: newId(), type: e.type, data: e.data, metadata }));
    try {
      const result = await store.append(streamId, toAppend, { expectedRevision: revision ?? 'no_stream' });
      const after = events.reduce(decider.evolve, state);
      options.cache?.set(decider, streamId, { state: after, revision: result.nextExpectedRevision });
      return { events, state: after, position: result.position, revision: result.nextExpectedRevision, metadata };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= maxRetries) throw error;
    }
  }
}
