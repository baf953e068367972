import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { ReadReq, type ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { CallWriter } from './call.writer';
import { streamDeletedError } from './stand-in.error';
import { filterOf } from './stand-in.filter';
import type { StandInLog, StoredRecord } from './stand-in.log';
import {
  caughtUpMessage,
  checkpointMessage,
  confirmationMessage,
  eventMessage,
  streamNotFoundMessage,
} from './stand-in.messages';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;
const { ReadDirection, StreamOptions, AllOptions, CountOptionCase } = ReadReq.Options;
/** Let other calls (and the client, in the same process) run between long stretches of records. */
const YIELD_EVERY = 256;

/** Events sent in answer to reads of a stream or `$all` (not subscriptions): what a client's paging costs a server. */
export interface ReadTraffic {
  eventsRead: number;
}

/** Streams.Read: a stream or `$all`, either direction, with count and filter, or a subscription to `$all`. */
export function readHandler(log: StandInLog, traffic: ReadTraffic): (call: ReadCall) => void {
  return (call) => {
    const options = call.request.getOptions();
    const subscription = options?.getCountOptionCase() === CountOptionCase.SUBSCRIPTION;
    if (!options || (!options.hasAll() && !options.hasStream())) {
      call.emit('error', { code: status.INVALID_ARGUMENT, details: 'a read names a stream or $all' });
      return;
    }
    const streamId = options.hasStream()
      ? Buffer.from(options.getStream()?.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8')
      : null;
    if (streamId !== null && log.isTombstoned(streamId)) {
      call.emit('error', streamDeletedError(streamId));
      return;
    }
    const writer = new CallWriter(call);
    const run = subscription ? subscribe : options.hasStream() ? readStream : readAll;
    run(log, options, writer, traffic).then(
      () => writer.end(),
      (error: Error) => call.emit('error', { code: status.INTERNAL, details: error.message }),
    );
  };
}

function countOf(options: ReadReq.Options): number {
  const count = BigInt(options.getCount() || '0');
  return count > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(count);
}

async function readStream(
  log: StandInLog,
  options: ReadReq.Options,
  writer: CallWriter<ReadReq, ReadResp>,
  traffic: ReadTraffic,
): Promise<void> {
  const streamOptions = options.getStream() as ReadReq.Options.StreamOptions;
  const streamId = Buffer.from(streamOptions.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8');
  const records = log.stream(streamId);
  if (!records) return writer.write(streamNotFoundMessage(streamId));
  const backwards = options.getReadDirection() === ReadDirection.BACKWARDS;
  const which = streamOptions.getRevisionOptionCase();
  // Revisions are consecutive within a stream, from its first readable one (above 0 once recreated after a soft delete).
  const first = records[0].revision;
  const at =
    which === StreamOptions.RevisionOptionCase.REVISION
      ? Number(BigInt(streamOptions.getRevision()) - first)
      : which === StreamOptions.RevisionOptionCase.END
        ? Infinity
        : 0;
  const selected = backwards
    ? at < 0
      ? []
      : records.slice(0, Math.min(at, records.length - 1) + 1).reverse()
    : records.slice(Math.max(0, at));
  for (const record of selected.slice(0, countOf(options))) {
    await writer.write(eventMessage(record, false));
    traffic.eventsRead++;
  }
}

async function readAll(
  log: StandInLog,
  options: ReadReq.Options,
  writer: CallWriter<ReadReq, ReadResp>,
  traffic: ReadTraffic,
): Promise<void> {
  const all = options.getAll() as ReadReq.Options.AllOptions;
  const backwards = options.getReadDirection() === ReadDirection.BACKWARDS;
  const filter = filterOf(options);
  const count = countOf(options);
  const which = all.getAllOptionCase();
  const at =
    which === AllOptions.AllOptionCase.POSITION
      ? log.indexFrom(BigInt(all.getPosition()?.getCommitPosition() ?? '0'))
      : undefined;
  // Forwards from a position includes the event there; backwards starts before it, as the server does.
  let index = backwards
    ? (at ?? (which === AllOptions.AllOptionCase.END ? log.records.length : 0)) - 1
    : (at ?? (which === AllOptions.AllOptionCase.END ? log.records.length : 0));
  const step = backwards ? -1 : 1;
  for (
    let sent = 0, scanned = 0;
    index >= 0 && index < log.records.length && sent < count && writer.open;
    index += step
  ) {
    const record = log.records[index];
    if (++scanned % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    if (filter && !filter.matches(record)) continue;
    await writer.write(eventMessage(record, true));
    traffic.eventsRead++;
    sent++;
  }
}

/**
 * Confirmation, history after the position or revision (exclusive), caught-up, then live events
 * until cancelled. A stream subscription walks `$all` keeping that stream's events (a test log is
 * small), so it sees a stream recreated after a soft delete go on.
 */
async function subscribe(
  log: StandInLog,
  options: ReadReq.Options,
  writer: CallWriter<ReadReq, ReadResp>,
): Promise<void> {
  const { index: from, keep } = options.hasAll() ? allStart(log, options) : streamStart(log, options);
  let index = from;
  const filter = filterOf(options);
  const withPosition = options.hasAll();
  let parked = writer.parked();
  const stopListening = log.onAppend(() => parked.wake());
  try {
    await writer.write(confirmationMessage());
    let caughtUp = false;
    let scanned = 0;
    while (writer.open) {
      while (index < log.records.length && writer.open) {
        const record = log.records[index++];
        if (keep(record) && (!filter || filter.matches(record))) await writer.write(eventMessage(record, withPosition));
        scanned++;
        if (filter && scanned % filter.checkpointEvery === 0) await writer.write(checkpointMessage(record.position));
        if (scanned % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      if (!caughtUp) {
        caughtUp = true;
        await writer.write(caughtUpMessage());
        continue;
      }
      await parked.woken;
      parked = writer.parked();
    }
  } finally {
    stopListening();
  }
}

type Start = { readonly index: number; readonly keep: (record: StoredRecord) => boolean };

function allStart(log: StandInLog, options: ReadReq.Options): Start {
  const all = options.getAll() as ReadReq.Options.AllOptions;
  const which = all.getAllOptionCase();
  const index =
    which === AllOptions.AllOptionCase.POSITION
      ? log.indexFrom(BigInt(all.getPosition()?.getCommitPosition() ?? '0') + 1n)
      : which === AllOptions.AllOptionCase.END
        ? log.records.length
        : 0;
  return { index, keep: () => true };
}

function streamStart(log: StandInLog, options: ReadReq.Options): Start {
  const streamOptions = options.getStream() as ReadReq.Options.StreamOptions;
  const streamId = Buffer.from(streamOptions.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8');
  const which = streamOptions.getRevisionOptionCase();
  if (which === StreamOptions.RevisionOptionCase.END)
    return {
      index: log.records.length,
      keep: (r) => r.streamId === streamId && r.revision >= log.readableFrom(streamId),
    };
  const after = which === StreamOptions.RevisionOptionCase.REVISION ? BigInt(streamOptions.getRevision()) : -1n;
  return {
    index: 0,
    keep: (r) => r.streamId === streamId && r.revision > after && r.revision >= log.readableFrom(streamId),
  };
}
