import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, dropTestDatabase } from './pg-test-database';
import type { ReadDialect } from '../lib/read-database';

export const dialects: readonly ReadDialect[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  readonly url: string;
  dispose(): Promise<void>;
}

/** A fresh, empty read database: a temp SQLite file, or its own database on the test PostgreSQL. */
export async function testDatabase(dialect: ReadDialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sooc-read-'));
    return {
      url: `sqlite:${join(dir, 'read.db')}`,
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const url = await createTestDatabase('read_store');
  return { url, dispose: () => dropTestDatabase(url) };
}
