import { status, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { DeleteReq, DeleteResp, TombstoneReq, TombstoneResp } from '@eventstore/db-client/generated/streams_pb';
import { streamDeletedError, wrongExpectedVersionError } from './stand-in.error';
import type { DeleteOutcome, ExpectedRevision, StandInLog } from './stand-in.log';

type Options = DeleteReq.Options | TombstoneReq.Options;

/** Streams.Delete: a soft delete (see StandInLog.delete). */
export function deleteHandler(log: StandInLog): Unary<DeleteReq, DeleteResp> {
  return removal(
    'delete',
    (streamId, expected) => log.delete(streamId, expected),
    (position) =>
      new DeleteResp().setPosition(new DeleteResp.Position().setCommitPosition(position).setPreparePosition(position)),
  );
}

/** Streams.Tombstone: a hard delete (see StandInLog.tombstone). */
export function tombstoneHandler(log: StandInLog): Unary<TombstoneReq, TombstoneResp> {
  return removal(
    'tombstone',
    (streamId, expected) => log.tombstone(streamId, expected),
    (position) =>
      new TombstoneResp().setPosition(
        new TombstoneResp.Position().setCommitPosition(position).setPreparePosition(position),
      ),
  );
}

type Unary<Req, Resp> = (call: ServerUnaryCall<Req, Resp>, callback: sendUnaryData<Resp>) => void;

/** Both calls: the stream and expected revision in, the position of what the server wrote out, or its error. */
function removal<Req extends { getOptions(): Options | undefined }, Resp>(
  what: string,
  run: (streamId: string, expected: ExpectedRevision) => DeleteOutcome,
  reply: (position: string) => Resp,
): Unary<Req, Resp> {
  return (call, callback) => {
    const options = call.request.getOptions();
    if (!options) return callback({ code: status.INVALID_ARGUMENT, details: `${what} needs options` });
    const streamId = Buffer.from(options.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8');
    const expected = expectedOf(options);
    const outcome = run(streamId, expected);
    if (outcome.ok) return callback(null, reply(outcome.position.toString()));
    if ('deleted' in outcome) return callback(streamDeletedError(streamId));
    callback(wrongExpectedVersionError(streamId, expected, outcome.current));
  };
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
