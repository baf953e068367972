import { sql } from 'kysely';
import { openReadDatabase } from './read-database';
import { testDatabase } from '../testing/test-databases';

describe('openReadDatabase', () => {
  it('opens a SQLite file in WAL mode with foreign keys on', async () => {
    const target = await testDatabase('sqlite');
    const read = openReadDatabase(target.url);
    try {
      expect(read.dialect).toBe('sqlite');
      const { rows: journal } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(read.db);
      const { rows: fks } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(read.db);
      expect(journal[0].journal_mode).toBe('wal');
      expect(fks[0].foreign_keys).toBe(1);
    } finally {
      await read.close();
      await target.dispose();
    }
  });

  it('opens an in-memory SQLite database', async () => {
    const read = openReadDatabase('sqlite::memory:');
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(read.db);
    expect(rows).toEqual([{ one: 1 }]);
    await read.close();
  });

  it('opens PostgreSQL and reads bigint columns back as numbers', async () => {
    const target = await testDatabase('postgres');
    const read = openReadDatabase(target.url);
    try {
      expect(read.dialect).toBe('postgres');
      const { rows } = await sql<{
        n: number;
        big: number;
      }>`select 42::int4 as n, 9007199254740991::int8 as big`.execute(read.db);
      expect(rows).toEqual([{ n: 42, big: Number.MAX_SAFE_INTEGER }]);
      await expect(sql`select 9007199254740993::int8 as big`.execute(read.db)).rejects.toThrow(
        /does not fit a JavaScript number/,
      );
    } finally {
      await read.close();
      await target.dispose();
    }
  });

  it('names the scheme it does not support', () => {
    expect(() => openReadDatabase('mysql://localhost/db')).toThrow(/Unsupported read database URL scheme "mysql"/);
    expect(() => openReadDatabase('sqlite:')).toThrow(/needs a file path/);
  });
});
