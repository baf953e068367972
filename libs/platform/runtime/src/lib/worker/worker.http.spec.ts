import { Counter } from 'prom-client';
import { createMetricsRegistry, workerActiveGauge } from './metrics.registry';
import { startWorkerHttp, type WorkerHealth, type WorkerHttp } from './worker.http';

describe('startWorkerHttp', () => {
  let http: WorkerHttp;
  let health: WorkerHealth | Error = { ready: true, role: 'active', lag: 0n };
  let active = true;
  const registry = createMetricsRegistry('projector');
  const events = new Counter({ name: 'sooc_projected_events_total', help: 'Events applied', registers: [registry] });
  workerActiveGauge(registry, 'projector', () => active);
  const url = (path: string) => `http://127.0.0.1:${http.port}${path}`;

  beforeAll(async () => {
    http = await startWorkerHttp({
      host: '127.0.0.1',
      port: 0,
      registry,
      health: async () => {
        if (health instanceof Error) throw health;
        return health;
      },
    });
  });
  afterAll(() => http.close());

  it('listens on a free port when asked for port 0', () => {
    expect(http.port).toBeGreaterThan(0);
  });

  it('answers /health and /health/ready with 200 and the report while ready, bigints as strings', async () => {
    health = { ready: true, role: 'active', lag: 0n };
    for (const path of ['/health', '/health/ready']) {
      const response = await fetch(url(path));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ ready: true, role: 'active', lag: '0' });
    }
  });

  it('answers 503 with the report when not ready, or with the error when the check throws', async () => {
    health = { ready: false, role: 'active', failure: 'projection "cohorts" failed' };
    const notReady = await fetch(url('/health/ready'));
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ ready: false, role: 'active', failure: 'projection "cohorts" failed' });
    health = new Error('read database unreachable');
    const broken = await fetch(url('/health'));
    expect(broken.status).toBe(503);
    expect(await broken.json()).toEqual({ ready: false, error: 'read database unreachable' });
  });

  it('answers /health/live with 200 even when not ready', async () => {
    health = { ready: false };
    const response = await fetch(url('/health/live'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ live: true });
  });

  it('serves Prometheus text: default Node metrics, sooc metrics, the service label', async () => {
    events.inc(3);
    active = false;
    const response = await fetch(url('/metrics'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('# TYPE sooc_projected_events_total counter');
    expect(text).toContain('sooc_projected_events_total{service="projector"} 3');
    expect(text).toContain('sooc_worker_active{worker="projector",service="projector"} 0');
    expect(text).toMatch(/^process_cpu_user_seconds_total\{service="projector"\} /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes\{service="projector"\} /m);
    active = true;
    expect(await (await fetch(url('/metrics'))).text()).toContain(
      'sooc_worker_active{worker="projector",service="projector"} 1',
    );
  });

  it('reports several workers of one process on one sooc_worker_active gauge', async () => {
    const shared = createMetricsRegistry('gateway');
    workerActiveGauge(shared, 'projector', () => true);
    workerActiveGauge(shared, 'reactor', () => false);
    const text = await shared.metrics();
    expect(text).toContain('sooc_worker_active{worker="projector",service="gateway"} 1');
    expect(text).toContain('sooc_worker_active{worker="reactor",service="gateway"} 0');
  });

  it('answers 404 elsewhere and to other methods', async () => {
    expect((await fetch(url('/graphql'))).status).toBe(404);
    expect((await fetch(url('/health'), { method: 'POST' })).status).toBe(404);
  });

  it('closes even with a keep-alive connection open, and frees the port', async () => {
    const other = await startWorkerHttp({
      host: '127.0.0.1',
      port: 0,
      registry,
      health: async () => ({ ready: true }),
    });
    expect((await fetch(`http://127.0.0.1:${other.port}/health/live`, { keepalive: true })).status).toBe(200);
    await other.close();
    await expect(fetch(`http://127.0.0.1:${other.port}/health/live`)).rejects.toThrow();
  });

  it('rejects when the port is taken, saying that each worker needs a PORT of its own', async () => {
    await expect(
      startWorkerHttp({ host: '127.0.0.1', port: http.port, registry, health: async () => ({ ready: true }) }),
    ).rejects.toThrow(
      `PORT ${http.port} is already in use on 127.0.0.1 (EADDRINUSE): a standby listens too (its /health says standby), ` +
        'so every projector, reactor and partner-feed on one host needs a PORT of its own',
    );
  });
});
