import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadStoreConfig, openStores } from '@sooc/runtime';
import { sooc } from './testing/sooc.run';

/** How many rows of a read model's table are in each status, read as the gateway's queries read them. */
async function statusesOf(dataDir: string, table: 'applications' | 'cohorts'): Promise<Map<string, number>> {
  const stores = await openStores(loadStoreConfig({ SOOC_DATA_DIR: dataDir }));
  try {
    const rows = (await stores.readDatabase.db
      .selectFrom(table as never)
      .select(['status' as never, (eb) => eb.fn.countAll().as('count')])
      .groupBy('status' as never)
      .execute()) as { status: string; count: number | string }[];
    return new Map(rows.map((r) => [r.status, Number(r.count)]));
  } finally {
    await stores.close();
  }
}

describe('sooc seed --demo', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sooc-cli-seed-'));
  const env = { SOOC_DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('asks for --demo rather than seeding by accident', async () => {
    const run = await sooc(['seed'], env);
    expect(run.error).toContain('say --demo');
  });

  it('fills an empty data directory with applications in every status, through the read models', async () => {
    const run = await sooc(['seed', '--demo', '--scale', '0.3'], env);
    expect(run.error).toBeNull();
    expect(run.progress).toMatch(/seed: simulated \d{4}-\d{2}-\d{2} .* events\/s/);
    expect(run.out.join('\n')).toMatch(/^applications \(\d+\): /m);

    const applications = await statusesOf(dataDir, 'applications');
    // 'admitted' never stays: an admission is refused without a free seat, so it is offered at once.
    const reachable = [
      'submitted',
      'ineligible',
      'rejected',
      'waitlisted',
      'offered',
      'enrolled',
      'declined',
      'expired',
      'completed',
      'dropped',
      'withdrawn',
      'cancelled',
      'not-admitted',
    ];
    expect([...applications.keys()].sort()).toEqual(expect.arrayContaining(reachable.sort()));
    expect([...applications.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(80);
    const cohorts = await statusesOf(dataDir, 'cohorts');
    expect([...cohorts.keys()].sort()).toEqual(['cancelled', 'closed', 'completed', 'open', 'planned', 'running']);
  }, 180_000);

  it('refuses a data directory that holds events unless --force', async () => {
    const run = await sooc(['seed', '--demo'], env);
    expect(run.error).toMatch(/is not empty \(head at position \d+\).*--force/);
  }, 60_000);
});
