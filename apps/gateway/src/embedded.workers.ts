import { type Clock } from '@sooc/timing';
import { EventFollower, WorkerLease, type ProjectionRunner, type ReadDb } from '@sooc/read-store';
import { createLogger, startReactor, type Reactor } from '@sooc/reactor-engine';
import {
  createLineLogger,
  createProjectionRunner,
  runSingleton,
  type LeaseTenure,
  type LogLevel,
  type Stores,
  type StoreConfig,
  type WorkerRole,
} from '@sooc/runtime';
import { startWebhookDelivery, type DeliverySettings, type WebhookDelivery } from '@sooc/partners-delivery';
import { WorkersUnavailableError, describeHolder } from './workers-unavailable.error';

export interface EmbeddedWorkersOptions {
  readonly clock: Clock;
  readonly reactorTickMs: number;
  readonly logLevel: LogLevel;
  readonly leaseTtlMs: number;
  readonly instanceId: string;
  readonly webhooks: DeliverySettings;
}

/** The projector, the reactor and the webhook delivery inside the gateway, each under its lease (`projector`, `reactor`, `partner-feed`). */
export interface EmbeddedWorkers {
  readonly runner: ProjectionRunner;
  /** The reactor while this gateway holds its lease. */
  reactor(): Reactor | null;
  roles(): { readonly projector: WorkerRole; readonly reactor: WorkerRole; readonly 'partner-feed': WorkerRole };
  /** The webhook delivery while this gateway holds its lease. */
  delivery(): WebhookDelivery | null;
  /**
   * Resolves when a lease is lost or a worker failed after the start: the gateway can no longer
   * promise read-your-writes or reactions, so main.ts exits 1 and its supervisor restarts it.
   */
  readonly lost: Promise<Error>;
  /** Stops both at a checkpoint and releases their leases. */
  stop(): Promise<void>;
}

const ABSENT = Symbol('absent');

/**
 * Starts both singletons and waits for both leases: at once on a free database, after up to
 * about two TTLs when a holder died without releasing. A live holder means another gateway or
 * apps/projector / apps/reactor already works on this read database: two embedded gateways must
 * not silently split into one that projects and one that does not, so this one refuses to start.
 */
export async function startEmbeddedWorkers(
  stores: Stores,
  config: Pick<StoreConfig, 'projectionBatchSize'>,
  options: EmbeddedWorkersOptions,
): Promise<EmbeddedWorkers> {
  const { leaseTtlMs: ttlMs, instanceId } = options;
  const readDb = stores.readDatabase.db;
  // One reader of $all for the projections, the reactions and the due offers (docs/ARCHITECTURE.md).
  const follower = new EventFollower(stores.eventStore);
  // One runner for every tenure of the lease: its fence is the tenure's that started it last.
  let tenure: LeaseTenure | null = null;
  const fence = (trx: ReadDb) =>
    tenure ? tenure.fence(trx) : Promise.reject(new Error('the projector lease is not held'));
  const runner = createProjectionRunner(
    { eventStore: follower.store, readDatabase: stores.readDatabase },
    config,
    undefined,
    fence,
  );
  let reactor: Reactor | null = null;
  const projector = runSingleton({
    readDb,
    name: 'projector',
    instanceId,
    ttlMs,
    log: createLineLogger('projector', options.logLevel),
    start: async (started) => {
      tenure = started;
      await runner.start();
      return { stop: () => runner.stop(), failed: new Promise<unknown>((resolve) => runner.onError(resolve)) };
    },
  });
  const reacting = runSingleton({
    readDb,
    name: 'reactor',
    instanceId,
    ttlMs,
    log: createLineLogger('reactor', options.logLevel),
    start: async ({ fence: reactorFence }) => {
      const started = await startReactor({
        eventStore: stores.eventStore,
        follower,
        readDb,
        clock: options.clock,
        log: createLogger(options.logLevel),
        tickMs: options.reactorTickMs,
        fence: reactorFence,
      });
      reactor = started;
      return {
        stop: async () => {
          await started.stop();
          reactor = null;
        },
        failed: started.failed,
      };
    },
  });
  let delivery: WebhookDelivery | null = null;
  const delivering = runSingleton({
    readDb,
    name: 'partner-feed',
    instanceId,
    ttlMs,
    log: createLineLogger('partner-feed', options.logLevel),
    start: async ({ fence: deliveryFence }) => {
      const log = createLineLogger('partner-feed', options.logLevel);
      const started = startWebhookDelivery({
        eventStore: stores.eventStore,
        readDb,
        clock: options.clock,
        log,
        settings: options.webhooks,
        fence: deliveryFence,
        openSecrets: (sealed) => stores.personalData.reveal(sealed),
      });
      delivery = started;
      // A commit of the projections may hold new feed events: deliver them now, not at the next tick.
      const unsubscribe = runner.onBatchCommitted(() => started.wake());
      return {
        stop: async () => {
          unsubscribe();
          await started.stop();
          delivery = null;
        },
        failed: started.failed,
      };
    },
  });
  const singletons = { projector, reactor: reacting, 'partner-feed': delivering };
  const stop = async () => {
    await Promise.all([delivering.stop(), reacting.stop(), projector.stop()]);
    await follower.close();
  };

  const within = (ms: number) => new Promise<typeof ABSENT>((resolve) => setTimeout(() => resolve(ABSENT), ms).unref());
  const deadline = within(2 * ttlMs + ttlMs / 2);
  for (const [name, worker] of Object.entries(singletons)) {
    const outcome = await Promise.race([
      worker.activated.then(() => 'active' as const),
      worker.failed.then((f) => ({ failed: f })),
      deadline,
    ]);
    if (outcome === 'active') continue;
    await stop();
    if (outcome === ABSENT) throw new WorkersUnavailableError(name, await describeHolder(readDb, name));
    throw toError(outcome.failed);
  }

  const lost = new Promise<Error>((resolve) => {
    for (const [name, worker] of Object.entries(singletons)) {
      // A lease this gateway could not renew (its read database refused writes: a full disk, an
      // outage) goes back to standby, and the worker takes it again once it can write. Only
      // another instance holding it means this gateway's read-your-writes cannot be kept.
      const lease = new WorkerLease(readDb, { name, holder: '(gateway check)', ttlMs });
      let watching: NodeJS.Timeout | null = null;
      worker.onRoleChange((role) => {
        if (watching) clearInterval(watching);
        watching = null;
        if (role !== 'standby') return;
        watching = setInterval(() => {
          lease.current().then(
            (current) => {
              if (current && current.holder !== instanceId && worker.role() === 'standby')
                resolve(new Error(`lost the "${name}" lease to another instance: the embedded ${name} stopped`));
            },
            () => undefined,
          );
        }, ttlMs / 2);
        watching.unref();
      });
      void worker.failed.then((failure) =>
        resolve(new Error(`the embedded ${name} failed: ${toError(failure).message}`, { cause: failure })),
      );
    }
  });
  return {
    runner,
    reactor: () => reactor,
    roles: () => ({ projector: projector.role(), reactor: reacting.role(), 'partner-feed': delivering.role() }),
    delivery: () => delivery,
    lost,
    stop,
  };
}

const toError = (value: unknown): Error => (value instanceof Error ? value : new Error(String(value)));
