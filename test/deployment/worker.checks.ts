import type { ServiceProcess } from './service.process';

/** A process's /health report (200 ready or 503 not), as an orchestrator's probe reads it. */
export async function healthOf(worker: ServiceProcess): Promise<{ status: number; report: Record<string, unknown> }> {
  const response = await fetch(`${await worker.baseUrl()}/health`);
  return { status: response.status, report: (await response.json()) as Record<string, unknown> };
}

/** The Prometheus text a scraper gets from the process's /metrics. */
export async function metricsOf(service: ServiceProcess): Promise<string> {
  const response = await fetch(`${await service.baseUrl()}/metrics`);
  if (response.status !== 200) throw new Error(`${service.name} /metrics answered ${response.status}`);
  return response.text();
}

/** The sum of the samples of `name` whose labels include every one of `labels`; null when there is none. */
export function total(metrics: string, name: string, labels: Record<string, string> = {}): number | null {
  let sum: number | null = null;
  for (const line of metrics.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})?\s+(\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = match[2] ?? '';
    if (Object.entries(labels).every(([key, value]) => present.includes(`${key}="${value}"`)))
      sum = (sum ?? 0) + Number(match[3]);
  }
  return sum;
}
