import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryKeyStore, type KeyStore } from '@sooc/personal-data';
import { createTestDatabase, dropTestDatabase } from '@sooc/read-store/testing';
import { PostgresKeyStore } from './postgres.key-store';
import { SqliteKeyStore } from './sqlite.key-store';

interface Fixture {
  open(): Promise<KeyStore>;
  cleanup(): Promise<void>;
}

const STORES: [string, () => Promise<Fixture>][] = [
  [
    'memory',
    async () => {
      const store = new MemoryKeyStore();
      return { open: async () => store, cleanup: async () => undefined };
    },
  ],
  [
    'sqlite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sooc-keys-'));
      return {
        open: async () => SqliteKeyStore.open(join(dir, 'keys.sqlite')),
        cleanup: async () => rmSync(dir, { recursive: true }),
      };
    },
  ],
  [
    'postgres',
    async () => {
      const url = await createTestDatabase('keys');
      return { open: () => PostgresKeyStore.open(url), cleanup: () => dropTestDatabase(url) };
    },
  ],
];

describe.each(STORES)('%s key store', (_name, fixture) => {
  let f: Fixture;
  let keys: KeyStore;
  beforeEach(async () => {
    f = await fixture();
    keys = await f.open();
  });
  afterEach(async () => {
    await keys.close();
    await f.cleanup();
  });

  it('makes one key per subject on first use and hands back the same one after', async () => {
    expect(await keys.statusOf('ada')).toBe('unknown');
    const first = await keys.keyFor('ada');
    expect(first.key).toHaveLength(32);
    expect(await keys.keyFor('ada')).toEqual(first);
    expect((await keys.keyFor('grace')).keyId).not.toBe(first.keyId);
    expect(await keys.statusOf('ada')).toBe('active');
  });

  it('agrees on one key when many ask for a new subject at once', async () => {
    const made = await Promise.all(Array.from({ length: 20 }, () => keys.keyFor('linus')));
    expect(new Set(made.map((k) => k.keyId)).size).toBe(1);
  });

  it('finds keys by id, leaving out the unknown ones', async () => {
    const ada = await keys.keyFor('ada');
    const found = await keys.keys([ada.keyId, 'f'.repeat(24), ada.keyId]);
    expect([...found.keys()]).toEqual([ada.keyId]);
    expect(found.get(ada.keyId)?.equals(ada.key)).toBe(true);
    expect((await keys.keys([])).size).toBe(0);
  });

  it('erases every key of a subject once; erasing again deletes nothing; an unknown subject stays unknown', async () => {
    const ada = await keys.keyFor('ada');
    const grace = await keys.keyFor('grace');
    expect(await keys.erase('ada', new Date())).toEqual({ keysDeleted: 1, status: 'erased' });
    expect(await keys.erase('ada', new Date())).toEqual({ keysDeleted: 0, status: 'erased' });
    expect(await keys.erase('nobody', new Date())).toEqual({ keysDeleted: 0, status: 'unknown' });
    expect(await keys.statusOf('ada')).toBe('erased');
    expect(await keys.statusOf('nobody')).toBe('unknown');
    const left = await keys.keys([ada.keyId, grace.keyId]);
    expect([...left.keys()]).toEqual([grace.keyId]);
  });

  it('gives an erased subject who comes back a new key, which never opens what the old one sealed', async () => {
    const old = await keys.keyFor('ada');
    await keys.erase('ada', new Date());
    const renewed = await keys.keyFor('ada');
    expect(renewed.keyId).not.toBe(old.keyId);
    expect(await keys.statusOf('ada')).toBe('active');
    expect((await keys.keys([old.keyId])).size).toBe(0);
  });
});

describe('sqlite key store on disk', () => {
  it('keeps keys across a reopen, and leaves no byte of an erased key in its files', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'sooc-keys-'));
    try {
      const file = join(dir, 'keys.sqlite');
      let keys = SqliteKeyStore.open(file);
      const ada = await keys.keyFor('ada');
      await keys.keyFor('grace');
      await keys.close();
      keys = SqliteKeyStore.open(file);
      expect(await keys.keyFor('ada')).toEqual(ada);
      await keys.erase('ada', new Date());
      const holding = readdirSync(dir).filter((f) => readFileSync(join(dir, f)).includes(ada.key));
      await keys.close();
      expect(holding).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
