import type { Command } from './command.types';
import type { Decider } from './decider.types';
import { ConcurrencyError, DomainError } from './errors';
import type { DomainEvent, RecordedEvent } from './event.types';
import type { EventStore } from './event-store.port';
import {
  handleCommand,
  metadataOf,
  type CommandContext,
  type CommandResult,
  type HandleCommandOptions,
} from './handle-command';
import {
  IDEMPOTENCY_RECORDED,
  idempotencyStream,
  idempotentEventId,
  IdempotencyKeyReusedError,
  type IdempotencyKey,
  type IdempotencyRecord,
} from './idempotency.key';

/**
 * A command sent with an idempotency key takes effect once, however often it is sent, from
 * however many processes: the first outcome is answered to every resend.
 *
 * - Its events get ids derived from the key, so the stores recognise a resend of the same append
 *   (same ids, same expected revision) and the events written under a key can be found in their
 *   stream: the stream is the truth.
 * - The outcome is recorded on the key's own stream (`idempotency-<uuid>`, created with
 *   `no_stream`, so the store keeps one per key), naming the stream and the revisions written.
 *   A resend reads it first and answers by folding the stream up to those revisions: the same
 *   events, state, position and metadata as the first answer, although deciding again now would
 *   refuse (already submitted) or do nothing.
 * - Between the append and the record (another gateway is between the two, or crashed there) a
 *   resend decides on the moved state; when that writes nothing or is refused, it looks for the
 *   key's events in the stream before answering, and records what it finds.
 * - A refused command records nothing: a resend is decided again.
 */
export async function handleIdempotentCommand<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  streamId: string,
  command: Omit<C, 'metadata'>,
  context: CommandContext,
  key: IdempotencyKey,
  options: HandleCommandOptions = {},
): Promise<CommandResult<E, S>> {
  const first = await readRecord(store, key);
  if (first) return replay(store, decider, key, first);

  let result: CommandResult<E, S>;
  try {
    result = await handleCommand(store, decider, streamId, command, context, {
      ...options,
      newId: (index) => idempotentEventId(key, index),
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const written = await findWritten(store, streamId, key);
    if (!written) throw error;
    return settle(store, decider, key, written, context);
  }
  if (result.events.length === 0) {
    const written = await findWritten(store, streamId, key);
    if (written) return settle(store, decider, key, written, context);
  }
  const record = recordOf(key, streamId, result);
  if (!(await saveRecord(store, key, record, context))) return replay(store, decider, key, await mustRead(store, key));
  // Two processes that decided at the same revision sent the same ids: the store kept the first
  // append and told the second it succeeded. Only the stored events' answer is the same for both.
  if (result.events.length > 0 && !(await isStored(store, streamId, result))) {
    const stored = await replay(store, decider, key, record);
    // The cache holds this process's own version of those events; the next decision needs the stored one.
    options.cache?.set(decider, streamId, { state: stored.state, revision: stored.revision });
    return stored;
  }
  return result;
}

async function readRecord(store: EventStore, key: IdempotencyKey): Promise<IdempotencyRecord | null> {
  const [event] = await store.readStream(idempotencyStream(key), { max: 1 });
  return event ? (event.data as IdempotencyRecord) : null;
}

async function mustRead(store: EventStore, key: IdempotencyKey): Promise<IdempotencyRecord> {
  const record = await readRecord(store, key);
  if (!record) throw new Error(`The record of ${idempotencyStream(key)} vanished after a conflict on it`);
  return record;
}

/** False when another process recorded the key first. */
async function saveRecord(
  store: EventStore,
  key: IdempotencyKey,
  record: IdempotencyRecord,
  context: CommandContext,
): Promise<boolean> {
  const metadata = metadataOf(context, context.now());
  const event = { id: idempotentEventId(key, 'record'), type: IDEMPOTENCY_RECORDED, data: { ...record }, metadata };
  try {
    await store.append(idempotencyStream(key), [event], { expectedRevision: 'no_stream' });
    return true;
  } catch (error) {
    if (error instanceof ConcurrencyError) return false;
    throw error;
  }
}

function recordOf(
  key: IdempotencyKey,
  streamId: string,
  result: CommandResult<DomainEvent, unknown>,
): IdempotencyRecord {
  const { operation, fingerprint } = key;
  const revision = result.revision === null ? null : String(result.revision);
  if (result.events.length === 0 || result.revision === null) {
    return { operation, fingerprint, streamId, fromRevision: null, toRevision: null, revision };
  }
  const from = String(result.revision - BigInt(result.events.length - 1));
  return { operation, fingerprint, streamId, fromRevision: from, toRevision: revision, revision };
}

/** The key's events in the stream, if a command sent with it wrote there. */
async function findWritten(
  store: EventStore,
  streamId: string,
  key: IdempotencyKey,
): Promise<{ streamId: string; from: bigint; to: bigint } | null> {
  const events = await store.readStream(streamId);
  const start = events.findIndex((event) => event.id === idempotentEventId(key, 0));
  if (start < 0) return null;
  let end = start;
  while (end + 1 < events.length && events[end + 1].id === idempotentEventId(key, end + 1 - start)) end++;
  return { streamId, from: events[start].revision, to: events[end].revision };
}

async function settle<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  key: IdempotencyKey,
  written: { streamId: string; from: bigint; to: bigint },
  context: CommandContext,
): Promise<CommandResult<E, S>> {
  const record: IdempotencyRecord = {
    operation: key.operation,
    fingerprint: key.fingerprint,
    streamId: written.streamId,
    fromRevision: String(written.from),
    toRevision: String(written.to),
    revision: String(written.to),
  };
  if (!(await saveRecord(store, key, record, context))) return replay(store, decider, key, await mustRead(store, key));
  return replay(store, decider, key, record);
}

async function isStored(store: EventStore, streamId: string, result: CommandResult<DomainEvent, unknown>) {
  const from = (result.revision as bigint) - BigInt(result.events.length - 1);
  const [stored] = await store.readStream(streamId, { from, max: 1 });
  const mine = result.metadata;
  return (
    stored !== undefined &&
    mine !== null &&
    stored.metadata.occurredAt === mine.occurredAt &&
    stored.metadata.correlationId === mine.correlationId
  );
}

/** The first answer again, from the stream as it was right after the first command. */
async function replay<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  key: IdempotencyKey,
  record: IdempotencyRecord,
): Promise<CommandResult<E, S>> {
  if (record.fingerprint !== key.fingerprint) throw new IdempotencyKeyReusedError(key, record);
  const upTo = record.toRevision ?? record.revision;
  const history: RecordedEvent[] =
    upTo === null ? [] : await store.readStream(record.streamId, { from: 'start', max: Number(upTo) + 1 });
  let state = decider.initialState();
  for (const event of history) state = decider.evolve(state, event as unknown as E);
  const revision = upTo === null ? null : BigInt(upTo);
  if (record.fromRevision === null) return { events: [], state, position: null, revision, metadata: null };
  const from = BigInt(record.fromRevision);
  const written = history.filter((event) => event.revision >= from);
  const last = written[written.length - 1];
  return {
    events: written.map((event) => ({ type: event.type, data: event.data }) as E),
    state,
    position: last.position,
    revision,
    metadata: last.metadata,
  };
}
