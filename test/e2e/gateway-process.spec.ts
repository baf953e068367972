import { loadOrCreateLocalKey, mintLocalToken } from '@sooc/auth';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killStartedEntryPoints, logLines, startEntryPoint, type EntryPointProcess } from '@sooc/runtime/testing';
import { until } from '@sooc/util/testing';
import { COHORT, draftCourse, planCohort } from './cohorts.fixture';
import { startGateway, type Harness } from './gateway.harness';

// A failed assertion must not leave a gateway running and jest waiting for it.
afterAll(killStartedEntryPoints);

/** `node apps/gateway/src/main.ts` through the repo's swc hook: the real entry point, no build needed. */
function runMain(env: Record<string, string>): EntryPointProcess {
  return startEntryPoint('gateway', env);
}

describe('the gateway process', () => {
  it('exits 1 naming the bad variable and what it accepts', async () => {
    const run = runMain({ PORT: 'eighty', LOG_LEVEL: 'chatty' });
    expect((await run.exited).code).toBe(1);
    expect(run.stderr()).toContain('PORT="eighty": expected an integer from 0 to 65535');
    expect(run.stderr()).toContain(
      'LOG_LEVEL="chatty": expected one of fatal, error, warn, info, debug, trace, silent',
    );
  });

  it('prints its URL, keeps the data in its SQLite files across a SIGTERM restart, and exits 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sooc-main-'));
    try {
      const env = { PORT: '0', HOST: '127.0.0.1', SOOC_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
      const readyLine = /sooc gateway: ready: (http:\/\/localhost:\d+\/graphql)/;
      let token = '';
      const gql = async (url: string, query: string, variables: Record<string, unknown>) =>
        (await (
          await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query, variables }),
          })
        ).json()) as {
          data: Record<string, unknown>;
        };

      const first = runMain(env);
      await until('the ready line', () => readyLine.test(first.stdout()), 20_000);
      const url = readyLine.exec(first.stdout())![1];
      // Made with the key the gateway created on its first start, and still valid after the restart.
      token = await mintLocalToken(await loadOrCreateLocalKey(dataDir), { role: 'admin' });
      const harnessLike = {
        gql: (q: string, v?: Record<string, unknown>) => gql(url, q, v ?? {}),
      } as unknown as Harness;
      const cohortId = await planCohort(harnessLike, await draftCourse(harnessLike));
      first.child.kill('SIGTERM');
      expect((await first.exited).code).toBe(0);
      expect(first.stdout()).toContain('SIGTERM received, shutting down');

      const second = runMain(env);
      await until('the ready line after restart', () => readyLine.test(second.stdout()), 20_000);
      const again = readyLine.exec(second.stdout())![1];
      expect(await gql(again, COHORT, { id: cohortId })).toMatchObject({
        data: { cohort: { cohortId, status: 'PLANNED' } },
      });
      second.child.kill('SIGINT');
      expect((await second.exited).code).toBe(0);
      expect(second.stderr()).toBe('');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("the gateway's logs", () => {
  it('write one JSON line per request at debug, with the correlation id, the actor and the operation; Nest, the workers and the gateway alike', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sooc-logs-'));
    try {
      const run = runMain({ PORT: '0', HOST: '127.0.0.1', SOOC_DATA_DIR: dataDir, LOG_LEVEL: 'debug' });
      const url = `${await run.baseUrl()}/graphql`;
      const token = await mintLocalToken(await loadOrCreateLocalKey(dataDir), { role: 'admin', subject: 'admin-7' });
      const gql = async (query: string, variables: Record<string, unknown>) =>
        (await (
          await fetch(url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${token}`,
              'x-correlation-id': 'corr-logs-1',
            },
            body: JSON.stringify({ query, variables }),
          })
        ).json()) as { data: Record<string, unknown> };
      await draftCourse({ gql } as unknown as Harness);
      await until(
        'the request line',
        () => logLines(run.rawStdout()).some((l) => l.correlationId === 'corr-logs-1' && l.msg.startsWith('POST')),
        20_000,
      );
      const lines = logLines(run.rawStdout());
      expect(lines.find((l) => l.correlationId === 'corr-logs-1' && l.msg.startsWith('POST'))).toMatchObject({
        level: 'debug',
        service: 'gateway',
        msg: 'POST /graphql 200',
        correlationId: 'corr-logs-1',
        actorId: 'admin-7',
        operation: 'Draft',
        req: { method: 'POST', url: '/graphql' },
        res: { statusCode: 200 },
      });
      // No header is logged: a bearer token is a secret.
      expect(run.rawStdout()).not.toContain(token);
      // Every line is JSON, from the gateway, Nest (through nestjs-pino) and the embedded workers.
      const services = new Set(lines.map((l) => l.service));
      expect([...services].sort()).toEqual(['gateway', 'partner-feed', 'projector', 'reactor']);
      expect(lines.some((l) => l.context === 'RoutesResolver' || l.context === 'NestFactory')).toBe(true);
      for (const line of run.rawStdout().trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
      run.child.kill('SIGTERM');
      expect((await run.exited).code).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('health and limits', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startGateway({
      GRAPHQL_MAX_DEPTH: '4',
      SOOC_EVENT_STORE_URL: 'memory:',
      SOOC_READ_DB_URL: 'sqlite::memory:',
    });
  });
  afterAll(() => h.close());

  it('reports liveness and readiness with the store head and the projection lag', async () => {
    const courseId = await draftCourse(h);
    await planCohort(h, courseId);
    const response = await fetch(h.gateway.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
    const head = (await h.gateway.infrastructure.eventStore.headPosition())!.toString();
    expect(await response.json()).toEqual({
      status: 'ok',
      live: true,
      ready: true,
      workers: 'embedded',
      leases: { projector: 'active', reactor: 'active', 'partner-feed': 'active' },
      store: { reachable: true, head },
      disk: { path: expect.any(String), freeBytes: expect.any(Number), full: false },
      projections: { running: true, caughtUp: true, upToDate: true, lag: '0', failure: null, waitingFor: null },
    });
    expect((await fetch(h.gateway.url.replace('/graphql', '/health/live'))).status).toBe(200);
    expect((await fetch(h.gateway.url.replace('/graphql', '/nope'))).status).toBe(404);
  });

  it('is unready once the projections stop', async () => {
    await h.gateway.infrastructure.runner!.stop();
    const response = await fetch(h.gateway.url.replace('/graphql', '/health/ready'));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 'unavailable',
      ready: false,
      projections: { running: false },
    });
    await h.gateway.infrastructure.runner!.start();
  });

  it('refuses an operation nested deeper than GRAPHQL_MAX_DEPTH before running it', async () => {
    expect((await h.gql('{ cohorts { edges { node { id } } } }')).errors).toBeUndefined();
    const tooDeep = await h.gql('query TooDeep { cohorts { edges { node { applicationWindow { opensAt } } } } }');
    expect(tooDeep.errors![0]).toMatchObject({
      message: 'TooDeep is nested 5 levels deep; the limit is 4',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
