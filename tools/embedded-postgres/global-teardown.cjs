/** jest globalTeardown: stops the PostgreSQL started by ./global-setup.cjs and removes its data. */
const { rm } = require('node:fs/promises');

module.exports = async function stopEmbeddedPostgres() {
  const started = globalThis.__SOOC_EMBEDDED_PG__;
  if (!started) return;
  globalThis.__SOOC_EMBEDDED_PG__ = undefined;
  await started.server.stop();
  await rm(started.dir, { recursive: true, force: true });
  delete process.env.SOOC_TEST_PG_URL;
};
