import {
  allProjections,
  projectedEventTypes,
  createMetricsRegistry,
  registerProjectionMetrics,
  visibilityObserver,
  workerActiveGauge,
  type SingletonWorker,
  type Stores,
} from '@sooc/runtime';
import type { RecordedEvent } from '@sooc/event-sourcing';
import { Counter, type Registry } from 'prom-client';

export interface ProjectorMetrics {
  readonly registry: Registry;
  /** Counts one event received by this process's runner (0 forever on a standby). */
  readonly projected: () => void;
  /** Hand to each tenure's `runner.onBatchCommitted`: `sooc_read_model_visible_seconds`. */
  readonly visible: (events: readonly RecordedEvent[]) => void;
  /** Once the singleton exists: `sooc_worker_active` follows its role. */
  track(worker: Pick<SingletonWorker, 'role'>): void;
}

/** Node defaults, `sooc_worker_active{worker="projector"}`, the store head, checkpoints and lag, `sooc_projected_events_total`, `sooc_read_model_visible_seconds`. */
export function createProjectorMetrics(stores: Stores): ProjectorMetrics {
  const registry = createMetricsRegistry('projector');
  const projected = new Counter({
    name: 'sooc_projected_events_total',
    help: 'Events received and applied by this instance’s projection runner',
    registers: [registry],
  });
  registerProjectionMetrics(registry, {
    eventStore: stores.eventStore,
    readDb: stores.readDatabase.db,
    projections: allProjections().map((p) => p.name),
    eventTypes: projectedEventTypes(),
  });
  let worker: Pick<SingletonWorker, 'role'> | null = null;
  workerActiveGauge(registry, 'projector', () => worker?.role() === 'active');
  const visible = visibilityObserver(registry);
  return { registry, projected: () => projected.inc(), visible, track: (w) => (worker = w) };
}
