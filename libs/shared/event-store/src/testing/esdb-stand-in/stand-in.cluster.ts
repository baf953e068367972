import { randomUUID } from 'node:crypto';
import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { ClusterInfo, EndPoint, MemberInfo } from '@eventstore/db-client/generated/gossip_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import type { Empty } from '@eventstore/db-client/generated/shared_pb';
import { uuidOf } from './stand-in.messages';

type Unary<Res> = (call: ServerUnaryCall<Empty, Res>, callback: sendUnaryData<Res>) => void;

/** Gossip.Read: one node, alive, leader, reachable where the stand-in listens (for `esdb+discover://`). */
export function gossipHandler(address: () => { host: string; port: number }): Unary<ClusterInfo> {
  const instanceId = randomUUID();
  return (_call, callback) => {
    const { host, port } = address();
    const member = new MemberInfo()
      .setInstanceId(uuidOf(instanceId))
      .setTimeStamp((BigInt(Date.now()) * 10_000n).toString())
      .setState(MemberInfo.VNodeState.LEADER)
      .setIsAlive(true)
      .setHttpEndPoint(new EndPoint().setAddress(host).setPort(port));
    callback(null, new ClusterInfo().setMembersList([member]));
  };
}

/**
 * ServerFeatures.GetSupportedMethods: the Streams and Gossip methods clients probe for. BatchAppend
 * is left out, so the client appends through Append, as it does against servers without it.
 */
export function featuresHandler(): Unary<SupportedMethods> {
  const method = (service: string, name: string) => new SupportedMethod().setServiceName(service).setMethodName(name);
  return (_call, callback) => {
    callback(
      null,
      new SupportedMethods()
        .setEventStoreServerVersion('0.0.0-sooc-stand-in')
        .setMethodsList([
          method('event_store.client.streams.Streams', 'Read'),
          method('event_store.client.streams.Streams', 'Append'),
          method('event_store.client.streams.Streams', 'Delete'),
          method('event_store.client.streams.Streams', 'Tombstone'),
          method('event_store.client.gossip.Gossip', 'Read'),
        ]),
    );
  };
}
