/**
 * The admin console's weight and its first load: the built bundle's size (raw and gzip), and the
 * time from navigation to the cohort screen's seats chart in a real Chromium, on the gateway
 * process as `npm start` runs it (embedded workers, SQLite files), each load in a fresh browser
 * profile (nothing cached).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadOrCreateLocalKey, mintLocalToken } from '@sooc/auth';
import { chromium as playwright } from 'playwright-core';
import { startService, waitUntilReady } from '../deployment/service.process';
import { BENCH_RATE_LIMITS, gql, openCohort, signInAs, stopWithin } from './admission.workload';
import type { BenchSection } from './bench.types';

const ROOT = join(__dirname, '../..');
const DIST = join(ROOT, 'apps/console/dist');
const COHORT = 'console-bench';
const CAPACITY = 30;
const LEARNERS = 60;
const LOADS = 10;

function buildConsole(): void {
  const build = spawnSync(
    process.execPath,
    [require.resolve('nx/bin/nx.js'), 'run', 'console:build', '--outputStyle=static'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NX_TUI: 'false' },
    },
  );
  if (build.status !== 0) throw new Error(`nx run console:build failed:\n${build.stdout}\n${build.stderr}`);
}

function bundle(): { files: number; raw: number; gzip: number } {
  const assets = join(DIST, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(assets, file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { files: files.length, raw, gzip };
}

/** SOOC_CHROMIUM, or the Chromium inside @sparticuz/chromium (ESM: loaded with Node's own require). */
async function chromiumLaunch(): Promise<{ executablePath: string; args: string[] }> {
  const override = process.env['SOOC_CHROMIUM'];
  if (override) return { executablePath: override, args: ['--no-sandbox'] };
  const packaged = require('@sparticuz/chromium') as { default: { executablePath(): Promise<string>; args: string[] } };
  return { executablePath: await packaged.default.executablePath(), args: packaged.default.args };
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

const step = (what: string) => process.stderr.write(`  console bench: ${what}\n`);

export async function run(): Promise<BenchSection> {
  step('building the console (nx run console:build)');
  buildConsole();
  const size = bundle();
  const dataDir = mkdtempSync(join(tmpdir(), 'sooc-bench-console-'));
  const gateway = startService('gateway', 'gateway', {
    SOOC_DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    ...BENCH_RATE_LIMITS,
  });
  const launch = await chromiumLaunch();
  const browser = await playwright.launch({ ...launch, headless: true });
  try {
    step('waiting for the gateway');
    await waitUntilReady(gateway, 45_000);
    step(`a cohort with ${LEARNERS} applications`);
    const base = await gateway.baseUrl();
    const url = `${base}/graphql`;
    await signInAs(dataDir);
    await openCohort(url, COHORT, CAPACITY);
    for (let i = 0; i < LEARNERS; i++)
      await gql(url, `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { position } }`, {
        input: {
          cohortId: COHORT,
          learnerId: `l-${i}`,
          dossier: {
            motivation: 'Benchmarking the console',
            level: 'BEGINNER',
            companyId: `company-${i % 4}`,
            answers: [],
            prerequisitesMet: [],
          },
        },
      });
    const token = await mintLocalToken(await loadOrCreateLocalKey(dataDir), { role: 'admin', subject: 'bench' });
    step(`${LOADS + 1} loads of the cohort screen`);
    const times: number[] = [];
    for (let i = 0; i <= LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      // The script also runs on about:blank, where sessionStorage is refused: only the console's page matters.
      await context.addInitScript(
        `try { sessionStorage.setItem('sooc.console.session', ${JSON.stringify(token)}) } catch { /* about:blank */ }`,
      );
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${base}/console/#/cohorts/${COHORT}`);
      await page.getByTestId('seats-chart').waitFor({ timeout: 30_000 });
      const elapsed = performance.now() - started;
      // The first load warms the gateway and the browser's own start; it is not counted.
      if (i > 0) times.push(elapsed);
      // Contexts stay open until the browser closes: @sparticuz/chromium runs --single-process,
      // where closing one context's renderer takes the browser with it.
      await page.close();
    }
    times.sort((a, b) => a - b);
    return {
      title: 'The admin console: bundle size and first load of the cohort screen (gateway process, embedded SQLite)',
      method:
        `The built console (vite build, apps/console/dist/assets: ${size.files} files). The gateway's main.ts as its own process ` +
        `on a fresh data dir; one FIRST_COME cohort of ${CAPACITY} seats with ${LEARNERS} applications (offers and a waitlist). ` +
        `Then ${LOADS} loads (after one to warm up) of /console/#/cohorts/<id> in a fresh Chromium profile each (signed in as an admin, ` +
        "nothing cached): from navigation to the seats chart on screen, which takes the HTML, the bundle, and the screen's one GraphQL round trip.",
      rows: [
        { name: 'bundle, raw', value: size.raw / 1024, unit: 'KiB', note: 'JavaScript and CSS' },
        {
          name: 'bundle, gzip',
          value: size.gzip / 1024,
          unit: 'KiB',
          note: 'what travels when compressed (the gateway serves it uncompressed)',
        },
        { name: 'navigation → seats chart p50', value: percentile(times, 0.5), unit: 'ms' },
        { name: 'navigation → seats chart max', value: percentile(times, 1), unit: 'ms' },
      ],
      findings: [
        `first load of the cohort screen in a fresh profile: p50 ${percentile(times, 0.5).toFixed(0)} ms on loopback (the HTML, ${(size.raw / 1024).toFixed(0)} KiB of uncompressed bundle, one GraphQL round trip); gzip would send ${(size.gzip / 1024).toFixed(0)} KiB`,
      ],
    };
  } finally {
    await browser.close();
    await stopWithin(gateway, 15_000);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
