/** `http://<host>:<port>/health`, with an IPv6 host in brackets. */
export function workerHealthUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/health`;
}

/**
 * The line tests and operators look for once the worker's HTTP server listens:
 * `sooc projector health: http://0.0.0.0:9464/health`.
 */
export function announceWorkerHttp(
  worker: string,
  host: string,
  port: number,
  out: (line: string) => void = (line) => process.stdout.write(line),
): void {
  out(`sooc ${worker} health: ${workerHealthUrl(host, port)}\n`);
}
