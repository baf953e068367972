import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerLease, type ReadDatabase } from '@sooc/read-store';
import { openMigratedReadDatabase } from '@sooc/runtime';
import { createGateway, type Gateway } from './gateway.bootstrap';
import { loadConfig } from './gateway.config';
import { WorkersUnavailableError } from './workers-unavailable.error';

/** Two "processes" on one SQLite read database: this spec, holding leases as another instance would, and a gateway. */
describe('the embedded workers and their leases', () => {
  let dir: string;
  let readDb: ReadDatabase;
  const gateways: Gateway[] = [];
  const boot = async (env: Record<string, string> = {}) => {
    const gateway = await createGateway(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        SOOC_EVENT_STORE_URL: 'memory:',
        SOOC_READ_DB_URL: `sqlite:${join(dir, 'read.sqlite')}`,
        SOOC_DATA_DIR: dir,
        SOOC_LEASE_TTL_MS: '1000',
        SOOC_INSTANCE_ID: 'gateway-a',
        ...env,
      }),
    );
    gateways.push(gateway);
    return gateway;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sooc-gateway-'));
    readDb = await openMigratedReadDatabase(`sqlite:${join(dir, 'read.sqlite')}`);
  });
  afterEach(async () => {
    for (const gateway of gateways.splice(0)) await gateway.close();
    await readDb.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds its three leases while it runs and releases them when it closes', async () => {
    const gateway = await boot();
    const holders = async () =>
      (await readDb.db.selectFrom('worker_leases').select(['name', 'holder']).orderBy('name').execute()) as {
        name: string;
        holder: string;
      }[];
    expect(await holders()).toEqual([
      { name: 'partner-feed', holder: 'gateway-a' },
      { name: 'projector', holder: 'gateway-a' },
      { name: 'reactor', holder: 'gateway-a' },
    ]);
    expect(gateway.infrastructure.embedded!.roles()).toEqual({
      projector: 'active',
      reactor: 'active',
      'partner-feed': 'active',
    });
    await gateway.close();
    expect(await holders()).toEqual([]);
  });

  it('refuses to start while another live instance holds a lease, naming it and SOOC_WORKERS=none', async () => {
    const other = new WorkerLease(readDb.db, { name: 'projector', holder: 'projector-on-host-b', ttlMs: 1_000 });
    expect(await other.tryAcquire()).toBe(true);
    const renewing = setInterval(() => void other.renew(), 200);
    try {
      const started = Date.now();
      const refusal = await boot().then(
        () => null,
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(WorkersUnavailableError);
      expect((refusal as Error).message).toMatch(
        /the "projector" lease on this read database is held by "projector-on-host-b" \(generation 1, .*SOOC_WORKERS=none beside apps\/projector and apps\/reactor/,
      );
      // It waited for a dead holder to expire (about two TTLs) before giving up.
      expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
      // And left nothing behind: the reactor lease it may have taken is released.
      expect(await readDb.db.selectFrom('worker_leases').select('name').execute()).toEqual([{ name: 'projector' }]);
    } finally {
      clearInterval(renewing);
      await other.release();
    }
  });

  it('takes over the lease of a holder that died without releasing it', async () => {
    const dead = new WorkerLease(readDb.db, { name: 'reactor', holder: 'crashed-gateway', ttlMs: 1_000 });
    expect(await dead.tryAcquire()).toBe(true);
    const gateway = await boot();
    expect(gateway.infrastructure.embedded!.roles()).toEqual({
      projector: 'active',
      reactor: 'active',
      'partner-feed': 'active',
    });
  });

  it('reports a lease taken by another instance after the start, for main.ts to exit 1', async () => {
    const gateway = await boot();
    // What a standby's takeover looks like to the holder: the row names someone else.
    await readDb.db
      .updateTable('worker_leases')
      .set({ holder: 'gateway-b', generation: 2 })
      .where('name', '=', 'reactor')
      .execute();
    const lost = await gateway.infrastructure.embedded!.lost;
    expect(lost.message).toBe('lost the "reactor" lease to another instance: the embedded reactor stopped');
  });

  it('does not touch the leases with SOOC_WORKERS=none', async () => {
    const gateway = await boot({ SOOC_WORKERS: 'none' });
    expect(gateway.infrastructure.embedded).toBeNull();
    expect(await readDb.db.selectFrom('worker_leases').selectAll().execute()).toEqual([]);
  });
});
