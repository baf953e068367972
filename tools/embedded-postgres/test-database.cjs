/**
 * One fresh database per test file (or per test) on the server of ./global-setup.cjs, so test
 * files running in parallel workers never see each other's tables.
 */
const { randomBytes } = require('node:crypto');
const { Client } = require('pg');

function adminUrl() {
  const url = process.env.SOOC_TEST_PG_URL;
  if (!url) {
    throw new Error(
      'SOOC_TEST_PG_URL is not set: add tools/embedded-postgres/global-setup.cjs and global-teardown.cjs as globalSetup/globalTeardown in this jest config, or point SOOC_TEST_PG_URL at a PostgreSQL server',
    );
  }
  return url;
}

async function onAdmin(sql) {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function createTestDatabase(prefix = 'test') {
  const name = `sooc_${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(5).toString('hex')}`;
  await onAdmin(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by createTestDatabase (connections to it must be closed first). */
async function dropTestDatabase(url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await onAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

module.exports = { createTestDatabase, dropTestDatabase };
