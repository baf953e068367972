import { newEventId } from './event-id';
import type { Command } from './command.types';
import type { Decider } from './decider.types';
import { ConcurrencyError, DomainError } from './errors';
import type { DomainEvent, EventMetadata, EventToAppend } from './event.types';
import type { EventStore } from './event-store.port';
import { DEFAULT_MAX_RETRIES, traceOf, type CommandContext, type HandleCommandOptions } from './handle-command';
import { loadStream } from './stream-state.cache';

export interface BatchedCommand<C extends Command> {
  readonly command: Omit<C, 'metadata'>;
  /** Each command keeps its own actor, correlation and causation: the batch is only a transport. */
  readonly context: CommandContext;
}

/** Per command: the events it wrote, or the DomainError its aggregate refused it with. */
export type BatchedOutcome<E extends DomainEvent> =
  | { readonly ok: true; readonly events: readonly E[]; readonly position: bigint | null }
  | { readonly ok: false; readonly error: DomainError };

/**
 * Decides several commands for one stream in order, each on the state the previous ones left,
 * and appends all their events in one write with the expected revision (group commit at the
 * aggregate: a burst of 1,000 admissions to one cohort becomes a few appends, not 1,000).
 * A refused command refuses alone; the others still apply. A conflict re-decides the whole
 * batch on the fresh state. Anything else (the store is down) rejects the whole batch, and
 * nothing of it was written.
 */
export async function handleCommandBatch<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  streamId: string,
  batch: readonly BatchedCommand<C>[],
  options: HandleCommandOptions = {},
): Promise<BatchedOutcome<E>[]> {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const newId = options.newId ?? newEventId;
  for (let attempt = 0; ; attempt++) {
    const { state: initial, revision } = await loadStream(store, decider, streamId, options.cache);
    let state = initial;
    const decided: { events: readonly E[]; error: DomainError | null }[] = [];
    const toAppend: EventToAppend[] = [];
    for (const { command, context } of batch) {
      const now = context.now();
      let events: readonly E[];
      try {
        events = decider.decide({ ...command, metadata: { now, actor: context.actor } } as C, state);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        decided.push({ events: [], error });
        continue;
      }
      const metadata: EventMetadata = {
        occurredAt: now.toISOString(),
        actor: context.actor,
        correlationId: context.correlationId,
        causationId: context.causationId ?? null,
        schemaVersion: options.schemaVersion ?? 1,
        ...traceOf(context),
      };
      for (const e of events) {
        toAppend.push({ id: newId(toAppend.length), type: e.type, data: e.data, metadata });
        state = decider.evolve(state, e);
      }
      decided.push({ events, error: null });
    }
    if (toAppend.length === 0)
      return decided.map(({ error }) => (error ? { ok: false, error } : { ok: true, events: [], position: null }));
    try {
      // One write for many commands, and no span of its own: it would belong to one command's
      // trace, and each caller (a reaction) records on its own span the append that carried it.
      const result = await store.append(streamId, toAppend, { expectedRevision: revision ?? 'no_stream' });
      options.cache?.set(decider, streamId, { state, revision: result.nextExpectedRevision });
      // Positions of the events before the last are not returned by the port; a command's own
      // last event is at most the append's position, which is what read-your-writes needs.
      return decided.map(({ events, error }) =>
        error ? { ok: false, error } : { ok: true, events, position: events.length > 0 ? result.position : null },
      );
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= maxRetries) throw error;
    }
  }
}
