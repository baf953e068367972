import type { DeliverySettings } from '@sooc/partners-delivery';
import { type Clock } from '@sooc/timing';
import type { EventStore } from '@sooc/event-sourcing';
import { timeAppends, withDeadline, type AppendTiming } from '@sooc/event-store';
import type { PersonalDataVault } from '@sooc/personal-data';
import type { ReadModelSync } from '@sooc/nest';
import type { ProjectionRunner, ReadDatabase, ReadModelFollower } from '@sooc/read-store';
import { createReadModelFollower, openStores, type LogLevel, type StoreConfig } from '@sooc/runtime';
import { startEmbeddedWorkers, type EmbeddedWorkers } from './embedded.workers';
import type { WorkersMode } from './gateway.config';

export { openEventStore } from '@sooc/runtime';

/** Everything the gateway owns outside Nest: opened before the app, closed after it. */
export interface Infrastructure {
  readonly workers: WorkersMode;
  /** Where the embedded (SQLite) stores keep their files, whose free space readiness checks; null without SQLite. */
  readonly storageDir: string | null;
  readonly eventStore: EventStore;
  /** The same store as requests and probes use it: every call but a subscription bounded by SOOC_STORE_TIMEOUT_MS (withDeadline). */
  readonly requestStore: EventStore;
  /** Each append of the requests' store, timed when it settles (the metrics' sooc_event_store_append_seconds). */
  onAppend(listener: (timing: AppendTiming) => void): void;
  readonly readDatabase: ReadDatabase;
  /** Opens sealed personal data in responses; erases learners' keys. */
  readonly personalData: PersonalDataVault;
  /** What the API waits on (read-your-writes) and listens to (subscriptions): the embedded runner, or the follower. */
  readonly readModels: ReadModelSync;
  /** The embedded projection runner; null with SOOC_WORKERS=none (apps/projector runs it). */
  readonly runner: ProjectionRunner | null;
  /** The embedded projector and reactor under their leases; null with SOOC_WORKERS=none. */
  readonly embedded: EmbeddedWorkers | null;
  /** SOOC_WORKERS=none: the projector's commits, seen through the checkpoints and the change log. */
  readonly follower: ReadModelFollower | null;
  /** Stops the workers (or the follower) at a checkpoint, then closes the read database and the event store. */
  close(): Promise<void>;
}

export interface InfrastructureOptions {
  readonly clock: Clock;
  readonly reactorTickMs: number;
  readonly logLevel: LogLevel;
  readonly leaseTtlMs: number;
  readonly instanceId: string;
  readonly webhooks: DeliverySettings;
  /**
   * SOOC_STORE_TIMEOUT_MS: every event-store call but a subscription answers within it (withDeadline),
   * and so does every connection and statement on PostgreSQL once migrated (answerBoundedClient).
   */
  readonly storeTimeoutMs: number;
}

/**
 * The stores (the read database migrated: both modes may migrate, migrations are safe across
 * processes), then either the embedded projector and reactor (`embedded`), or a follower of
 * apps/projector's commits (`none`). The projections and process managers are the ones
 * apps/projector and apps/reactor run on their own (see @sooc/runtime).
 */
export async function openInfrastructure(
  config: StoreConfig & { readonly workers: WorkersMode },
  options: InfrastructureOptions,
): Promise<Infrastructure> {
  const stores = await openStores(config, undefined, { answerWithinMs: options.storeTimeoutMs });
  const sqlite = [config.eventStoreUrl, config.readDbUrl].some((url) => url.startsWith('sqlite:'));
  // Timed inside the deadline: the histogram shows how long the store really took, not the timeout.
  const timed = timeAppends(stores.eventStore);
  const base = {
    workers: config.workers,
    storageDir: sqlite ? config.dataDir : null,
    eventStore: stores.eventStore,
    requestStore: withDeadline(timed.store, options.storeTimeoutMs),
    onAppend: timed.onAppend,
    readDatabase: stores.readDatabase,
    personalData: stores.personalData,
  };
  try {
    if (config.workers === 'none') {
      const follower = createReadModelFollower(stores);
      await follower.start();
      return {
        ...base,
        readModels: follower,
        runner: null,
        embedded: null,
        follower,
        async close() {
          await follower.stop();
          await stores.close();
        },
      };
    }
    const embedded = await startEmbeddedWorkers(stores, config, options);
    return {
      ...base,
      readModels: embedded.runner,
      runner: embedded.runner,
      embedded,
      follower: null,
      async close() {
        await embedded.stop();
        await stores.close();
      },
    };
  } catch (error) {
    await stores.close();
    throw error;
  }
}
