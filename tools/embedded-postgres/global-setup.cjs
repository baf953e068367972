/**
 * jest globalSetup: starts one real PostgreSQL 17 (./postgres.server.cjs) for the whole run and
 * publishes its admin URL in process.env.SOOC_TEST_PG_URL, which jest workers inherit. Tests take
 * an isolated database each with createTestDatabase() from `@sooc/read-store/testing`.
 * If SOOC_TEST_PG_URL is already set (a CI service, a developer's server), nothing is started.
 */
const { startPostgres, sweepStaleDataDirs } = require('./postgres.server.cjs');

module.exports = async function startEmbeddedPostgres() {
  if (process.env.SOOC_TEST_PG_URL) return;
  sweepStaleDataDirs();
  const server = await startPostgres();
  globalThis.__SOOC_EMBEDDED_PG__ = { child: server.child, dir: server.dir };
  process.env.SOOC_TEST_PG_URL = server.url;
  // For specs that search the server's files byte by byte (what erasure leaves on disk).
  process.env.SOOC_TEST_PG_DATA_DIR = server.data;
};
