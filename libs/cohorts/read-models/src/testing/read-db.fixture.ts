import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { cohortsMigrations } from '../lib/cohorts.migrations';
import type { CohortsDatabase } from '../lib/cohorts.database';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';

export type TestDialect = 'sqlite' | 'postgres';
export const testDialects: readonly TestDialect[] = ['sqlite', 'postgres'];

async function onPostgresAdmin(statement: string): Promise<void> {
  const adminUrl = process.env['SOOC_TEST_PG_URL'];
  if (!adminUrl)
    throw new Error(
      'SOOC_TEST_PG_URL is not set: jest.config.cjs starts PostgreSQL through tools/embedded-postgres/global-setup.cjs',
    );
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A database of its own per spec file, so parallel jest workers never see each other's tables. */
async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sooc_cohorts_${randomBytes(5).toString('hex')}`;
  await onPostgresAdmin(`CREATE DATABASE "${name}"`);
  const url = new URL(process.env['SOOC_TEST_PG_URL'] as string);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onPostgresAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export interface MigratedDatabase {
  readonly db: Kysely<CohortsDatabase>;
  dispose(): Promise<void>;
}

/**
 * A fresh read database with this library's migrations applied: in-memory SQLite, or a database
 * of its own on the PostgreSQL that tools/embedded-postgres starts for the jest run.
 */
export async function migratedDatabase(dialect: TestDialect): Promise<MigratedDatabase> {
  let db: Kysely<CohortsDatabase>;
  let drop = async (): Promise<void> => undefined;
  if (dialect === 'sqlite') {
    db = new Kysely<CohortsDatabase>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
  } else {
    const created = await createPostgresDatabase();
    db = new Kysely<CohortsDatabase>({
      dialect: new PostgresDialect({ pool: new Pool({ connectionString: created.url, max: 2 }) }),
    });
    drop = created.drop;
  }
  const migrator = new Migrator({ db, provider: { getMigrations: async () => cohortsMigrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  return {
    db,
    dispose: async () => {
      await db.destroy();
      await drop();
    },
  };
}
