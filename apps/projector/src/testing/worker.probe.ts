import type { ProjectorProcess } from './projector.process';

const HEALTH_LINE = /^sooc projector: health: (http:\/\/\S+\/health)$/m;

/** The health URL the process printed once its HTTP server listened; fails early if the process exits first. */
export async function healthUrlOf(run: ProjectorProcess, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const url = HEALTH_LINE.exec(run.stdout())?.[1];
    if (url) return url;
    if (run.child.exitCode !== null || run.child.signalCode !== null)
      throw new Error(`projector exited before printing its health URL: ${run.stderr()}`);
    if (Date.now() > deadline) throw new Error(`no health line within ${timeoutMs} ms; stdout: ${run.stdout()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface HealthReport {
  readonly status: number;
  readonly ready: boolean;
  readonly role: string;
  readonly [detail: string]: unknown;
}

export async function healthOf(healthUrl: string): Promise<HealthReport> {
  const response = await fetch(healthUrl);
  return { status: response.status, ...((await response.json()) as { ready: boolean; role: string }) };
}

/** One sample of an unlabelled (or fully labelled) series from /metrics, e.g. `sooc_projected_events_total`. */
export async function metricOf(healthUrl: string, series: string): Promise<number> {
  const text = await (await fetch(healthUrl.replace(/\/health$/, '/metrics'))).text();
  const name = series.replace(/[{].*$/, '');
  const labels = /[{](.*)[}]/.exec(series)?.[1];
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:[{](.*)[}])? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',');
    if (labels && !labels.split(',').every((l) => have.includes(l))) continue;
    return Number(match[3]);
  }
  throw new Error(`no series ${series} in the metrics:\n${text}`);
}
