import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { READ_MODELS, allProjections } from './read-models.registry';
import { createProjectionRunner, openStores } from './stores.open';

describe('openStores', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sooc-runtime-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates missing directories, migrates every registered read model and runs every projection', async () => {
    const stores = await openStores({ eventStoreUrl: `sqlite:${join(dir, 'a/events.sqlite')}`, readDbUrl: `sqlite:${join(dir, 'b/read.sqlite')}` });
    try {
      for (const p of allProjections()) expect(await stores.readDatabase.db.selectFrom(p.table).selectAll().execute()).toEqual([]);
      const runner = createProjectionRunner(stores, { projectionBatchSize: 10 });
      await runner.start();
      expect(Object.keys((await runner.status()).checkpoints).sort()).toEqual(READ_MODELS.flatMap((s) => s.projections.map((p) => p.name)).sort());
      await runner.stop();
    } finally {
      await stores.close();
    }
  });

  it('rejects when the read database cannot be reached (the event store it opened is closed again)', async () => {
    await expect(openStores({ eventStoreUrl: `sqlite:${join(dir, 'events.sqlite')}`, readDbUrl: 'postgres://nobody:x@127.0.0.1:1/none' })).rejects.toThrow();
  });
});
