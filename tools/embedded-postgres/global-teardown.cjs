/** jest globalTeardown: stops the PostgreSQL started by ./global-setup.cjs and removes its data. */
const { rmSync } = require('node:fs');

module.exports = async function stopEmbeddedPostgres() {
  const started = globalThis.__SOOC_EMBEDDED_PG__;
  if (!started) return;
  globalThis.__SOOC_EMBEDDED_PG__ = undefined;
  const { child, dir } = started;
  if (child.exitCode === null && child.signalCode === null) {
    // SIGINT is PostgreSQL's "fast shutdown": roll back open sessions, then exit.
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGINT');
    });
  }
  rmSync(dir, { recursive: true, force: true });
  delete process.env.SOOC_TEST_PG_URL;
};
