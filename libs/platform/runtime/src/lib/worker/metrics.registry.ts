import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

export type MetricsService = 'gateway' | 'projector' | 'reactor' | 'partner-feed';

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

const activeSources = new WeakMap<Registry, Map<string, () => boolean>>();

/**
 * `sooc_worker_active{worker}`: 1 on the instance holding the worker's lease, 0 on standbys. Call
 * it once per worker: a process running several (the gateway's embedded ones) shares one gauge.
 */
export function workerActiveGauge(registry: Registry, worker: string, isActive: () => boolean): void {
  let sources = activeSources.get(registry);
  if (!sources) {
    const known = new Map<string, () => boolean>();
    sources = known;
    activeSources.set(registry, known);
    new Gauge({
      name: 'sooc_worker_active',
      help: 'Whether this instance is the active one of the worker (holds its lease): 1, or 0 on a standby',
      labelNames: ['worker'],
      registers: [registry],
      collect() {
        for (const [name, active] of known) this.set({ worker: name }, active() ? 1 : 0);
      },
    });
  }
  sources.set(worker, isActive);
}
