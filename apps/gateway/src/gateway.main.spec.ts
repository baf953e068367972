import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerLease, type ReadDatabase } from '@sooc/read-store';
import { openMigratedReadDatabase } from '@sooc/runtime';
import { logLines, startEntryPoint } from '@sooc/runtime/testing';

/** `node apps/gateway/src/main.ts` as a supervisor runs it, on a read database this spec also opens. */
function runMain(env: Record<string, string>) {
  return startEntryPoint('gateway', {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SOOC_LEASE_TTL_MS: '1000',
    ...env,
  });
}

describe('the gateway process and its leases (SOOC_WORKERS=embedded)', () => {
  let dir: string;
  let readDb: ReadDatabase;
  const children: ChildProcess[] = [];
  const start = (env: Record<string, string> = {}) => {
    const run = runMain({ SOOC_DATA_DIR: dir, SOOC_EVENT_STORE_URL: 'memory:', ...env });
    children.push(run.child);
    return run;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sooc-gateway-main-'));
    readDb = await openMigratedReadDatabase(`sqlite:${join(dir, 'read.sqlite')}`);
  });
  afterEach(async () => {
    for (const child of children.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await readDb.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 1 without a stack trace, naming the holder and SOOC_WORKERS=none, while another instance holds a lease', async () => {
    const other = new WorkerLease(readDb.db, { name: 'reactor', holder: 'reactor-on-host-b', ttlMs: 1_000 });
    expect(await other.tryAcquire()).toBe(true);
    const renewing = setInterval(() => void other.renew(), 200);
    try {
      const run = start();
      expect((await run.exited).code).toBe(1);
      expect(run.stderr()).toMatch(
        /^sooc gateway: failed to start: SOOC_WORKERS=embedded: the "reactor" lease on this read database is held by "reactor-on-host-b" .*SOOC_WORKERS=none beside apps\/projector and apps\/reactor\.\n$/,
      );
      expect(run.stdout()).not.toContain('sooc gateway: ready');
      // The line as written: one JSON object, an error of the gateway.
      expect(logLines(run.rawStderr())).toEqual([
        expect.objectContaining({
          level: 'error',
          service: 'gateway',
          msg: expect.stringMatching(/^failed to start: /),
        }),
      ]);
    } finally {
      clearInterval(renewing);
    }
  }, 20_000);

  it('exits 1 when another instance takes a lease after the start', async () => {
    const run = start({ SOOC_INSTANCE_ID: 'gateway-a' });
    for (let waited = 0; !run.stdout().includes('sooc gateway: ready: http://localhost:'); waited += 50) {
      if (waited > 15_000) throw new Error(`no ready line; stderr: ${run.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await readDb.db
      .updateTable('worker_leases')
      .set({ holder: 'gateway-b', generation: 2 })
      .where('name', '=', 'projector')
      .execute();
    expect((await run.exited).code).toBe(1);
    expect(run.stderr()).toContain(
      'sooc gateway: lost the "projector" lease to another instance: the embedded projector stopped; exiting',
    );
  }, 30_000);
});
