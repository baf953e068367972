import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

export type MetricsService = 'gateway' | 'projector' | 'reactor';

/**
 * A fresh registry per service (never prom-client's global one: the gateway embeds the workers'
 * code, and tests start several in one process), with the default Node metrics and the label
 * `service` on every series. Our own metrics are named `sooc_…`.
 */
export function createMetricsRegistry(service: MetricsService): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** `sooc_worker_active{worker}`: 1 on the instance holding the worker's lease, 0 on standbys. */
export function workerActiveGauge(registry: Registry, worker: string, isActive: () => boolean): Gauge<'worker'> {
  return new Gauge({
    name: 'sooc_worker_active',
    help: 'Whether this instance is the active one of the worker (holds its lease): 1, or 0 on a standby',
    labelNames: ['worker'],
    registers: [registry],
    collect() {
      this.set({ worker }, isActive() ? 1 : 0);
    },
  });
}
