import { randomUUID } from 'node:crypto';
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { StoredRecord } from './stand-in.log';

export function uuidOf(id: string): UUID {
  return new UUID().setString(id);
}

export function streamIdentifier(streamId: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Buffer.from(streamId, 'utf8'));
}

// Built once per record and variant: replaying a long log to many subscribers then costs the
// stand-in a serialisation per send, not a message build, so benchmarks measure the client side.
const built = [new WeakMap<StoredRecord, ReadResp>(), new WeakMap<StoredRecord, ReadResp>()];

/** `$all` reads carry the commit position; stream reads say `no_position`, as the server does. */
export function eventMessage(record: StoredRecord, withPosition: boolean): ReadResp {
  const cache = built[withPosition ? 1 : 0];
  let message = cache.get(record);
  if (!message) cache.set(record, (message = buildEventMessage(record, withPosition)));
  return message;
}

function buildEventMessage(record: StoredRecord, withPosition: boolean): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidOf(record.id))
    .setStreamIdentifier(streamIdentifier(record.streamId))
    .setStreamRevision(record.revision.toString())
    .setCommitPosition(record.position.toString())
    .setPreparePosition(record.position.toString())
    .setCustomMetadata(record.customMetadata)
    .setData(record.data);
  recorded
    .getMetadataMap()
    .set('type', record.type)
    .set('content-type', record.contentType)
    .set('created', record.created.toString());
  const event = new ReadResp.ReadEvent().setEvent(recorded);
  if (withPosition) event.setCommitPosition(record.position.toString());
  else event.setNoPosition(new Empty());
  return new ReadResp().setEvent(event);
}

export function streamNotFoundMessage(streamId: string): ReadResp {
  return new ReadResp().setStreamNotFound(
    new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(streamId)),
  );
}

export function confirmationMessage(): ReadResp {
  return new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID()));
}

export function caughtUpMessage(): ReadResp {
  return new ReadResp().setCaughtUp(new ReadResp.CaughtUp());
}

export function checkpointMessage(position: bigint): ReadResp {
  return new ReadResp().setCheckpoint(
    new ReadResp.Checkpoint().setCommitPosition(position.toString()).setPreparePosition(position.toString()),
  );
}
