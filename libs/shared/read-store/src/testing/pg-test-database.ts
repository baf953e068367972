import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * One fresh database per test file (or per test) on the server that
 * tools/embedded-postgres/global-setup.cjs starts, so specs in parallel workers never share tables.
 */
function adminUrl(): string {
  const url = process.env['SOOC_TEST_PG_URL'];
  if (!url) {
    throw new Error(
      'SOOC_TEST_PG_URL is not set: add tools/embedded-postgres/global-setup.cjs and global-teardown.cjs as globalSetup/globalTeardown in this jest config, or point SOOC_TEST_PG_URL at a PostgreSQL server',
    );
  }
  return url;
}

async function onAdmin(statement: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates an empty database; resolves to its connection URL. */
export async function createTestDatabase(prefix = 'test'): Promise<string> {
  const name = `sooc_${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(5).toString('hex')}`;
  await onAdmin(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by createTestDatabase, closing any connection still open to it. */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await onAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
