import { status, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { DeleteReq, DeleteResp, TombstoneReq, TombstoneResp } from '@eventstore/db-client/generated/streams_pb';
import { streamDeletedError, wrongExpectedVersionError } from './stand-in.errors';
import type { DeleteOutcome, ExpectedRevision, StandInLog } from './stand-in.log';

type Options = DeleteReq.Options | TombstoneReq.Options;

/** Streams.Delete: a soft delete (see StandInLog.delete). */
export function deleteHandler(log: StandInLog): (call: ServerUnaryCall<DeleteReq, DeleteResp>, callback: sendUnaryData<DeleteResp>) => void {
  return (call, callback) => {
    const options = call.request.getOptions();
    if (!options) return callback({ code: status.INVALID_ARGUMENT, details: 'delete needs options' });
    answer(options, (streamId, expected) => log.delete(streamId, expected), callback, (position) => {
      const reply = new DeleteResp();
      return position === null ? reply : reply.setPosition(new DeleteResp.Position().setCommitPosition(position).setPreparePosition(position));
    });
  };
}

/** Streams.Tombstone: a hard delete (see StandInLog.tombstone). */
export function tombstoneHandler(log: StandInLog): (call: ServerUnaryCall<TombstoneReq, TombstoneResp>, callback: sendUnaryData<TombstoneResp>) => void {
  return (call, callback) => {
    const options = call.request.getOptions();
    if (!options) return callback({ code: status.INVALID_ARGUMENT, details: 'tombstone needs options' });
    answer(options, (streamId, expected) => log.tombstone(streamId, expected), callback, (position) => {
      const reply = new TombstoneResp();
      return position === null ? reply : reply.setPosition(new TombstoneResp.Position().setCommitPosition(position).setPreparePosition(position));
    });
  };
}

function answer<R>(options: Options, run: (streamId: string, expected: ExpectedRevision) => DeleteOutcome, callback: sendUnaryData<R>, reply: (position: string | null) => R): void {
  const streamId = Buffer.from(options.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8');
  const expected = expectedOf(options);
  const outcome = run(streamId, expected);
  if (outcome.ok) return callback(null, reply(outcome.position.toString()));
  if ('deleted' in outcome) return callback(streamDeletedError(streamId));
  callback(wrongExpectedVersionError(streamId, expected, outcome.current));
}

// Both requests number their expected-revision cases alike (revision 2, no_stream 3, any 4, stream_exists 5).
function expectedOf(options: Options): ExpectedRevision {
  switch (options.getExpectedStreamRevisionCase() as number) {
    case DeleteReq.Options.ExpectedStreamRevisionCase.REVISION:
      return BigInt(options.getRevision());
    case DeleteReq.Options.ExpectedStreamRevisionCase.NO_STREAM:
      return 'no_stream';
    case DeleteReq.Options.ExpectedStreamRevisionCase.STREAM_EXISTS:
      return 'stream_exists';
    default:
      return 'any';
  }
}
