import { loadCheckpoints, type ProjectionFailure, type ProjectionRunner } from '@sooc/read-store';
import { allProjections, createProjectionRunner, type LeaseTenure, type Stores } from '@sooc/runtime';
import { instrumentedEventStore } from './instrumented.event-store';
import { reportProgress } from './progress.reporter';
import type { ProjectorConfig } from './projector.config';
import type { Logger } from './projector.logger';

export interface Projector {
  readonly runner: ProjectionRunner;
  /** Resolves when the read models hold every event the store had at start; rejects if the runner fails first. */
  readonly caughtUp: Promise<void>;
  /** Resolves with the failure if the runner ever stops on one (it never skips an event). */
  readonly failed: Promise<ProjectionFailure>;
  /** Graceful: the runner commits what it holds (rows and checkpoint). Resolves with the lowest checkpoint. The stores stay open. */
  stop(): Promise<bigint | null>;
}

/**
 * Runs every registered projection from its checkpoint on already opened (and migrated) stores:
 * one tenure of the projector lease, whose fence every batch runs. `onEvent` counts each event the runner receives.
 */
export async function startProjector(
  stores: Stores,
  config: Pick<ProjectorConfig, 'projectionBatchSize'>,
  log: Logger,
  onEvent: () => void = () => undefined,
  tenure?: Pick<LeaseTenure, 'fence'>,
): Promise<Projector> {
  const { store, counter } = instrumentedEventStore(stores.eventStore, onEvent);
  const runner = createProjectionRunner(
    { eventStore: store, readDatabase: stores.readDatabase },
    config,
    undefined,
    tenure?.fence,
  );
  const failed = new Promise<ProjectionFailure>((resolve) => runner.onError(resolve));
  const startedAt = performance.now();
  let caughtUp = false;
  try {
    const head = await stores.eventStore.headPosition();
    const before = await lowestCheckpoint(stores);
    log.info(
      `starting at position ${before ?? 'none'}, store head ${head ?? 'none'}${config.projectionBatchSize ? `, batches of ${config.projectionBatchSize}` : ''}`,
    );
    await runner.start();
    const progress = reportProgress(runner, counter, log, () => caughtUp);
    const reached = head === null ? Promise.resolve() : runner.waitForPosition(head, Number.POSITIVE_INFINITY);
    const caughtUpPromise = reached.then(() => {
      caughtUp = true;
      const seconds = (performance.now() - startedAt) / 1000;
      log.info(
        `caught up at position ${head ?? 'none'}: ${counter.count} events in ${seconds.toFixed(1)} s (${Math.round(counter.count / Math.max(seconds, 0.001))} events/s); following live`,
      );
    });
    // The caller decides what a failure means; an unobserved rejection must not kill the process first.
    caughtUpPromise.catch(() => undefined);
    let stopping: Promise<bigint | null> | null = null;
    return {
      runner,
      caughtUp: caughtUpPromise,
      failed,
      stop: () =>
        (stopping ??= (async () => {
          progress.stop();
          await runner.stop();
          return (await runner.status()).processed;
        })()),
    };
  } catch (error) {
    await runner.stop();
    throw error;
  }
}

/** Where the runner will resume: its status knows only once started, and by then it may have moved. */
export async function lowestCheckpoint(stores: Pick<Stores, 'readDatabase'>): Promise<bigint | null> {
  const names = allProjections().map((p) => p.name);
  const checkpoints = await loadCheckpoints(stores.readDatabase.db, names);
  if (checkpoints.size < names.length) return null;
  return [...checkpoints.values()].reduce((a, b) => (b < a ? b : a));
}
