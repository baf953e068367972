import { errorMessage } from '@sooc/util';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface WorkerHealth {
  readonly ready: boolean;
  readonly [detail: string]: unknown;
}

export interface WorkerHttp {
  /** The port listened on (the one chosen when asked for 0). */
  readonly port: number;
  close(): Promise<void>;
}

export interface WorkerHttpOptions {
  readonly host: string;
  readonly port: number;
  readonly health: () => Promise<WorkerHealth>;
  readonly registry: Registry;
}

/**
 * A worker's own small HTTP server (no Nest: a worker has no API), for a supervisor's probes
 * and Prometheus: GET /health/live (200 while the process answers), GET /health and
 * /health/ready (200 when ready, else 503, the report as JSON either way), GET /metrics.
 */
export async function startWorkerHttp(options: WorkerHttpOptions): Promise<WorkerHttp> {
  const server = createServer((request, response) => {
    route(request, response, options).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', `${errorMessage(error)}\n`);
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    const refuse = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `PORT ${options.port} is already in use on ${options.host} (EADDRINUSE): a standby listens too (its /health says ` +
                'standby), so every projector, reactor and partner-feed on one host needs a PORT of its own',
            )
          : error,
      );
    server.once('error', refuse);
    server.listen(options.port, options.host, () => {
      server.off('error', refuse);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // A scraper's keep-alive connection must not hold the shutdown open.
        server.closeAllConnections();
      }),
  };
}

async function route(request: IncomingMessage, response: ServerResponse, options: WorkerHttpOptions): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://worker').pathname;
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return send(response, 404, 'text/plain; charset=utf-8', 'Not found\n');
  switch (path) {
    case '/health/live':
      return sendJson(response, 200, { live: true });
    case '/health':
    case '/health/ready': {
      const report = await options.health().catch((error: unknown): WorkerHealth => ({
        ready: false,
        error: errorMessage(error),
      }));
      return sendJson(response, report.ready ? 200 : 503, report);
    }
    case '/metrics':
      return send(response, 200, options.registry.contentType, await options.registry.metrics());
    default:
      return send(response, 404, 'text/plain; charset=utf-8', 'Not found\n');
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  // Positions are bigints: JSON has no such type, so they travel as decimal strings.
  send(
    response,
    status,
    'application/json; charset=utf-8',
    JSON.stringify(body, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)),
  );
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}
