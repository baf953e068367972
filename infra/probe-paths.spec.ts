import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMetricsRegistry, startWorkerHttp } from '@sooc/runtime';
// The probes and health checks must name paths the real servers answer, so this boots them.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createGateway, loadConfig } from '@sooc/gateway';
import { LIVENESS_PATH, METRICS_PATH, READINESS_PATH } from './testing/service.config';

/** The status of GET `path`, retried until `want` or the deadline (readiness may take a moment). */
async function statusOf(base: string, path: string, want = 200, deadline = Date.now() + 15_000): Promise<number> {
  for (;;) {
    const response = await fetch(`${base}${path}`);
    await response.arrayBuffer();
    if (response.status === want || Date.now() > deadline) return response.status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the paths the probes, health checks and scrapers use', () => {
  it("are served by the workers' HTTP server (apps/projector and apps/reactor run startWorkerHttp)", async () => {
    const http = await startWorkerHttp({
      host: '127.0.0.1',
      port: 0,
      health: async () => ({ ready: true, role: 'standby' }),
      registry: createMetricsRegistry('projector'),
    });
    try {
      const base = `http://127.0.0.1:${http.port}`;
      expect(
        await Promise.all([LIVENESS_PATH, READINESS_PATH, METRICS_PATH].map((path) => statusOf(base, path))),
      ).toEqual([200, 200, 200]);
      expect(await statusOf(base, '/healthz', 404)).toBe(404);
    } finally {
      await http.close();
    }
  });

  it('are served by the gateway, on the port GraphQL listens on', async () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      SOOC_EVENT_STORE_URL: 'memory:',
      SOOC_READ_DB_URL: 'sqlite::memory:',
      LOG_LEVEL: 'silent',
      SOOC_INSTANCE_ID: 'probe-paths',
      // Its signing key goes there, not into the checkout.
      SOOC_DATA_DIR: mkdtempSync(join(tmpdir(), 'sooc-probe-paths-')),
    });
    const gateway = await createGateway(config);
    try {
      const base = gateway.url.replace(/\/graphql$/, '');
      expect(
        await Promise.all([LIVENESS_PATH, READINESS_PATH, METRICS_PATH].map((path) => statusOf(base, path))),
      ).toEqual([200, 200, 200]);
    } finally {
      await gateway.close();
    }
  });
});
