import type { RecordedEvent } from '@sooc/event-sourcing';
import { Histogram, type Registry } from 'prom-client';

/** Fine at the low end, where read-your-writes lives; a backlog shows in the last buckets. */
export const VISIBILITY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.035, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * `sooc_read_model_visible_seconds`: for each event the projection runner applied, the time from
 * its commit to the event store (its recordedAt) to the commit of the read-model batch holding it,
 * i.e. how long after an append its read models show it. Returns the observer to hand to
 * `ProjectionRunner.onBatchCommitted`. Across processes it compares two clocks of one machine
 * or of synchronised machines; a negative difference counts as 0.
 */
export function visibilityObserver(registry: Registry): (events: readonly RecordedEvent[]) => void {
  const seconds = new Histogram({
    name: 'sooc_read_model_visible_seconds',
    help: "Time from an event's commit to the event store to the commit of the read-model batch that applied it",
    buckets: VISIBILITY_BUCKETS,
    registers: [registry],
  });
  return (events) => {
    const now = Date.now();
    for (const event of events) {
      const recordedAt = Date.parse(event.recordedAt);
      if (!Number.isNaN(recordedAt)) seconds.observe(Math.max(0, now - recordedAt) / 1_000);
    }
  };
}
