import { REACTED_EVENT_TYPES } from '@sooc/reactor-engine';
import { dueOffersProjection } from '@sooc/enrollment-read-models';
import {
  REACTOR_CHECKPOINT,
  startReactor,
  type Reactor,
  type ReactorLog,
  type ReactorOptions,
} from '@sooc/reactor-engine';
import {
  registerProjectionMetrics,
  runSingleton,
  workerActiveGauge,
  workerHealth,
  type SingletonWorker,
  type WorkerHealth,
} from '@sooc/runtime';
import type { Registry } from 'prom-client';
import { reactorMetrics } from './reactor.metrics';

/** What its two checkpoints move past: the events it reacts to and those its due-offers table folds. */
const REACTOR_EVENT_TYPES: readonly string[] = [
  ...new Set<string>([...REACTED_EVENT_TYPES, ...dueOffersProjection.handles]),
];

export interface ReactorWorkerOptions {
  /** What every tenure's reactor runs on; the observer is the worker's own (its metrics). */
  readonly reactor: Omit<ReactorOptions, 'observer' | 'log'>;
  readonly log: ReactorLog;
  readonly instanceId: string;
  readonly ttlMs: number;
  readonly registry: Registry;
}

export interface ReactorWorker {
  readonly singleton: SingletonWorker;
  /** The reactor of the current or last tenure (null before this instance was ever active). */
  reactor(): Reactor | null;
  /** For /health: stores reachable, role, and while active the checkpoint, lag and any failure. */
  health(): Promise<WorkerHealth>;
}

/**
 * The reactor as a singleton: one active instance per read database, through the lease
 * "reactor". A new reactor starts each time this instance takes the lease (from the saved
 * checkpoint) and stops at a checkpoint when it loses it or on stop(); the others stand by.
 */
export function runReactorWorker(options: ReactorWorkerOptions): ReactorWorker {
  const { reactor: engine, log, registry } = options;
  const observer = reactorMetrics(registry);
  let current: { reactor: Reactor; failure: string | null } | null = null;

  const singleton = runSingleton({
    readDb: engine.readDb,
    name: 'reactor',
    instanceId: options.instanceId,
    ttlMs: options.ttlMs,
    log,
    start: async (lease) => {
      const reactor = await startReactor({ ...engine, log, observer, fence: lease.fence });
      const tenure: { reactor: Reactor; failure: string | null } = { reactor, failure: null };
      current = tenure;
      void reactor.failed.then((error) => (tenure.failure = error.message));
      return { stop: () => reactor.stop(), failed: reactor.failed };
    },
  });

  workerActiveGauge(registry, 'reactor', () => singleton.role() === 'active');
  // Its two checkpoints: the reactions sent, and the due offers it expires by.
  registerProjectionMetrics(registry, {
    eventStore: engine.eventStore,
    readDb: engine.readDb,
    projections: [REACTOR_CHECKPOINT, dueOffersProjection.name],
    eventTypes: REACTOR_EVENT_TYPES,
  });

  return {
    singleton,
    reactor: () => current?.reactor ?? null,
    async health() {
      const report = await workerHealth({
        role: () => singleton.role(),
        readDb: engine.readDb,
        eventStore: engine.eventStore,
        eventTypes: REACTOR_EVENT_TYPES,
        active: async () => {
          const status = current?.reactor.status();
          return {
            running: status?.running === true && current?.failure === null,
            checkpoint: status?.checkpoint ?? null,
            failure: current?.failure ?? null,
          };
        },
      });
      if (singleton.role() !== 'active' || current === null) return report;
      const { caughtUp, retrying, eventsInFlight, commandsPending } = current.reactor.status();
      return { ...report, caughtUp, retrying, eventsInFlight, commandsPending };
    },
  };
}
