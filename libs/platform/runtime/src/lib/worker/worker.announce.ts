import type { LineLogger } from '../line.logger';

/** `http://<host>:<port>/health`, with an IPv6 host in brackets. */
export function workerHealthUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/health`;
}

/**
 * The line tests and operators look for once the worker's HTTP server listens:
 * `{"service":"projector","msg":"health: http://0.0.0.0:9464/health",…}`.
 */
export function announceWorkerHttp(log: Pick<LineLogger, 'announce'>, host: string, port: number): void {
  log.announce(`health: ${workerHealthUrl(host, port)}`);
}
