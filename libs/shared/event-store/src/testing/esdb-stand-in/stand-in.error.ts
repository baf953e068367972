import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import type { ExpectedRevision } from './stand-in.log';

/** The server's error for a tombstoned stream: the client reads `exception` and `stream-name` into a StreamDeletedError. */
export function streamDeletedError(streamId: string): Partial<ServiceError> {
  const metadata = new Metadata();
  metadata.set('exception', 'stream-deleted');
  metadata.set('stream-name', streamId);
  return { code: status.FAILED_PRECONDITION, details: `Event stream '${streamId}' is deleted.`, metadata };
}

/** Delete and tombstone answer a wrong expected revision with an error (append, with a reply); -2 any, -1 no stream, -4 exists. */
export function wrongExpectedVersionError(
  streamId: string,
  expected: ExpectedRevision,
  current: bigint | null,
): Partial<ServiceError> {
  const metadata = new Metadata();
  metadata.set('exception', 'wrong-expected-version');
  metadata.set('stream-name', streamId);
  metadata.set(
    'expected-version',
    (typeof expected === 'bigint' ? expected : { any: -2n, no_stream: -1n, stream_exists: -4n }[expected]).toString(),
  );
  if (current !== null) metadata.set('actual-version', current.toString());
  return {
    code: status.FAILED_PRECONDITION,
    details: `Append failed due to WrongExpectedVersion. Stream: ${streamId}, Expected version: ${String(expected)}, Actual version: ${current ?? 'no stream'}`,
    metadata,
  };
}
