import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_RATE_LIMITS, COHORTS, loadAll, openCohort, signInAs, submitBody, TRIVIAL_QUERY } from './admission.workload';
const ROOT = '/work/main';
(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sooc-prof-'));
  const workers = process.env['W'] ?? 'embedded';
  const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/prof-' + workers, '--conditions=@sooc/source', '-r', join(ROOT, 'tools/ts-register.cjs'), join(ROOT, 'apps/gateway/src/main.ts')], {
    cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', SOOC_DATA_DIR: dataDir, LOG_LEVEL: 'error', SOOC_WORKERS: workers, ...BENCH_RATE_LIMITS }, stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise<string>((ok) => { let out = ''; child.stdout!.on('data', (c) => { out += c; const m = /ready: (http:\/\/[^/\s]+)/.exec(out); if (m) ok(m[1].replace('localhost', '127.0.0.1')); }); });
  const url = `${base}/graphql`;
  await signInAs(dataDir);
  for (let c = 0; c < COHORTS; c++) await openCohort(url, `bench-${c}`, 500);
  const t = await loadAll([url], TRIVIAL_QUERY);
  const s = await loadAll([url], (n) => submitBody(`bench-${n % COHORTS}`, `learner-${n}`));
  const t2 = await loadAll([url], TRIVIAL_QUERY);
  console.log(workers, 'trivial', t.requestsPerSecond, 'submit', s.requestsPerSecond, 'trivial2', t2.requestsPerSecond, 'failed', s.failed);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
})();
