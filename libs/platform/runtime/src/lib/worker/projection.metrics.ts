import type { EventStore } from '@sooc/event-sourcing';
import { loadCheckpoints, type ReadDb } from '@sooc/read-store';
import { Gauge, type Registry } from 'prom-client';
import { pendingLag } from './pending.lag';

export interface ProjectionMetricsSources {
  readonly eventStore: Pick<EventStore, 'headPosition' | 'readAll'>;
  readonly readDb: ReadDb;
  /** Projection names whose checkpoints to report. */
  readonly projections: readonly string[];
  /** The event types they read: the lag is 0 when none is past the lowest checkpoint (see pendingLag). */
  readonly eventTypes?: readonly string[];
}

/**
 * `sooc_store_head_position`, `sooc_projection_checkpoint{projection}` and
 * `sooc_projection_lag_positions` (head − lowest checkpoint, 0 once nothing they read is past it), read from the stores at each scrape:
 * a standby or a gateway that does not project reports the same figures as the active projector.
 * Positions may skip numbers (EventStoreDB's do): the lag is in positions, not events.
 */
export function registerProjectionMetrics(registry: Registry, sources: ProjectionMetricsSources): void {
  const read = async () => {
    const [head, checkpoints] = await Promise.all([
      sources.eventStore.headPosition(),
      loadCheckpoints(sources.readDb, sources.projections),
    ]);
    return { head: head ?? 0n, checkpoints };
  };
  new Gauge({
    name: 'sooc_store_head_position',
    help: 'Global position of the last event in the event store',
    registers: [registry],
    async collect() {
      this.set(Number((await read()).head));
    },
  });
  new Gauge({
    name: 'sooc_projection_checkpoint',
    help: 'Position up to which each projection has been applied to the read database',
    labelNames: ['projection'],
    registers: [registry],
    async collect() {
      const { checkpoints } = await read();
      for (const projection of sources.projections) this.set({ projection }, Number(checkpoints.get(projection) ?? 0n));
    },
  });
  new Gauge({
    name: 'sooc_projection_lag_positions',
    help: 'Store head minus the lowest projection checkpoint, in positions',
    registers: [registry],
    async collect() {
      const { head, checkpoints } = await read();
      const lowest = sources.projections.map((p) => checkpoints.get(p) ?? 0n).reduce((a, b) => (b < a ? b : a), head);
      this.set(Number(await pendingLag(sources.eventStore, sources.eventTypes, lowest, head)));
    },
  });
}
