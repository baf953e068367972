/**
 * `npm start`: builds the gateway and the libraries it imports, and the admin console it serves at
 * /console (Nx: only what changed since the last build), quietly — the build's output is printed
 * only when it fails — then runs the built gateway in this process, so signals and the exit code
 * are the gateway's own.
 */
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
process.stdout.write(
  'sooc: building the gateway, its libraries and the console (nx run-many -t build -p gateway console)\n',
);
const build = spawnSync(
  process.execPath,
  [require.resolve('nx/bin/nx.js'), 'run-many', '-t', 'build', '-p', 'gateway', 'console', '--outputStyle=static'],
  { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NX_TUI: 'false' } },
);
if (build.error || build.status !== 0) {
  process.stdout.write(build.stdout ?? '');
  process.stderr.write(build.stderr ?? '');
  const why = build.error ? build.error.message : build.signal ? `signal ${build.signal}` : `exit code ${build.status}`;
  process.stderr.write(`sooc: the build failed (${why}); nothing was started.\n`);
  process.exit(build.status || 1);
}
require(join(root, 'apps/gateway/dist/main.js'));
