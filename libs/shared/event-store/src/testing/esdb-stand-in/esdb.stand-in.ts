import { Server, ServerCredentials } from '@grpc/grpc-js';
import { GossipService } from '@eventstore/db-client/generated/gossip_grpc_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { appendHandler } from './stand-in.append';
import { featuresHandler, gossipHandler } from './stand-in.cluster';
import { deleteHandler, tombstoneHandler } from './stand-in.delete';
import { StandInLog } from './stand-in.log';
import { readHandler, type ReadTraffic } from './stand-in.read';

export interface EsdbStandInOptions {
  /** 0 (default): any free port. */
  readonly port?: number;
  /** Position of the first event written; start above 2^53 to prove positions stay exact bigints. */
  readonly firstPosition?: bigint;
}

/**
 * An in-process gRPC server that answers the real @eventstore/db-client as EventStoreDB does for
 * a client of its streams does: append, read a stream or $all, catch-up subscriptions to $all or a stream,
 * soft delete and tombstone, gossip and server features. Storage is memory only. Batch append and
 * persistent subscriptions are not served: the server features it advertises leave batch append
 * out, so the client appends through Append; nothing in sooc uses persistent subscriptions.
 * Test support only: never imported by runtime code.
 */
export class EsdbStandIn {
  private constructor(
    private server: Server,
    readonly port: number,
    private readonly traffic: ReadTraffic,
    private readonly log: StandInLog,
  ) {}

  /** Events sent so far in answer to reads (subscriptions not counted): specs hold clients to reading only what they need. */
  get eventsRead(): number {
    return this.traffic.eventsRead;
  }

  /** Plaintext, so the URL carries `tls=false`. */
  get url(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  /** Same node through `Gossip.Read` first, as a cluster client connects. */
  get discoverUrl(): string {
    return `esdb+discover://127.0.0.1:${this.port}?tls=false`;
  }

  static async start(options: EsdbStandInOptions = {}): Promise<EsdbStandIn> {
    const log = new StandInLog(options.firstPosition ?? 0n);
    const traffic: ReadTraffic = { eventsRead: 0 };
    const [server, port] = await serve(log, traffic, options.port ?? 0);
    return new EsdbStandIn(server, port, traffic, log);
  }

  /**
   * An outage: the server stops (open calls end, new connections are refused) while the events
   * stay; `resume` serves them again on the same port, as a restarted node would.
   */
  interrupt(): void {
    this.server.forceShutdown();
  }

  async resume(): Promise<void> {
    [this.server] = await serve(this.log, this.traffic, this.port);
  }

  /** Ends open calls (subscriptions included) at once: a test's cleanup must not wait for clients. */
  async stop(): Promise<void> {
    this.server.forceShutdown();
  }
}

async function serve(log: StandInLog, traffic: ReadTraffic, wanted: number): Promise<[Server, number]> {
  const server = new Server();
  let port = wanted;
  server.addService(StreamsService, {
    read: readHandler(log, traffic),
    append: appendHandler(log),
    delete: deleteHandler(log),
    tombstone: tombstoneHandler(log),
  });
  server.addService(GossipService, { read: gossipHandler(() => ({ host: '127.0.0.1', port })) });
  server.addService(ServerFeaturesService, { getSupportedMethods: featuresHandler() });
  port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${wanted}`, ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return [server, port];
}
