import { status, type sendUnaryData, type ServerReadableStream } from '@grpc/grpc-js';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { AppendReq, AppendResp } from '@eventstore/db-client/generated/streams_pb';
import { streamDeletedError } from './stand-in.error';
import type { ExpectedRevision, ProposedRecord, StandInLog } from './stand-in.log';

const Case = AppendReq.Options.ExpectedStreamRevisionCase;

/** Streams.Append: options first, then the proposed messages; one reply when the client ends the stream. */
export function appendHandler(
  log: StandInLog,
): (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>) => void {
  return (call, callback) => {
    let options: AppendReq.Options | undefined;
    const proposed: ProposedRecord[] = [];
    call.on('data', (request: AppendReq) => {
      if (request.hasOptions()) options = request.getOptions();
      const message = request.getProposedMessage();
      if (message) proposed.push(proposedOf(message));
    });
    call.on('end', () => {
      if (!options) return callback({ code: status.INVALID_ARGUMENT, details: 'append options must come first' });
      const streamId = Buffer.from(options.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8');
      const expected = expectedOf(options);
      const outcome = log.append(streamId, expected, proposed);
      if (!outcome.ok && 'deleted' in outcome) return callback(streamDeletedError(streamId));
      if (!outcome.ok)
        return callback(null, new AppendResp().setWrongExpectedVersion(wrongVersion(expected, outcome.current)));
      const success = new AppendResp.Success();
      if (outcome.revision === null) success.setNoStream(new Empty());
      else success.setCurrentRevision(outcome.revision.toString());
      if (outcome.position === null) success.setNoPosition(new Empty());
      else
        success.setPosition(
          new AppendResp.Position()
            .setCommitPosition(outcome.position.toString())
            .setPreparePosition(outcome.position.toString()),
        );
      callback(null, new AppendResp().setSuccess(success));
    });
  };
}

function proposedOf(message: AppendReq.ProposedMessage): ProposedRecord {
  const metadata = message.getMetadataMap();
  return {
    id: message.getId()?.getString() ?? '',
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

function expectedOf(options: AppendReq.Options): ExpectedRevision {
  switch (options.getExpectedStreamRevisionCase()) {
    case Case.REVISION:
      return BigInt(options.getRevision());
    case Case.NO_STREAM:
      return 'no_stream';
    case Case.STREAM_EXISTS:
      return 'stream_exists';
    default:
      return 'any';
  }
}

/** A normal reply, not a gRPC error: the client turns it into WrongExpectedVersionError. */
function wrongVersion(expected: ExpectedRevision, current: bigint | null): AppendResp.WrongExpectedVersion {
  const reply = new AppendResp.WrongExpectedVersion();
  if (current === null) reply.setCurrentNoStream(new Empty());
  else reply.setCurrentRevision(current.toString());
  if (typeof expected === 'bigint') reply.setExpectedRevision(expected.toString());
  else if (expected === 'no_stream') reply.setExpectedNoStream(new Empty());
  else if (expected === 'stream_exists') reply.setExpectedStreamExists(new Empty());
  else reply.setExpectedAny(new Empty());
  return reply;
}
