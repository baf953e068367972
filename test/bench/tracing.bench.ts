/**
 * The cost of tracing on the submit load: the gateway as it ships (embedded workers, SQLite) with
 * tracing off (no OTEL_* variables) and on (exporting every span over OTLP/HTTP JSON to a receiver
 * on the loopback, in this process), `submitApplication` at 50 connections, alternating
 * off, on, … on fresh data directories; each mode's figure is the mean of its runs. Each run first
 * warms the submit path itself (JIT, caches, the workers), not only the trivial query: unwarmed,
 * a mode's first run came out 20% below its second and the noise hid the cost measured.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOtlpReceiver } from '../deployment/otlp.receiver';
import { startService, waitUntilReady } from '../deployment/service.process';
import {
  BENCH_RATE_LIMITS,
  COHORTS,
  CONNECTIONS,
  DURATION_S,
  loadAll,
  openCohort,
  post,
  signInAs,
  stopWithin,
  submitBody,
  trivialBurstTime,
  type Throughput,
} from './admission.workload';
import type { BenchSection } from './bench.types';

async function submitLoad(env: Record<string, string>): Promise<Throughput> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sooc-bench-tracing-'));
  const gateway = startService('gateway', 'gateway', {
    SOOC_DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    ...BENCH_RATE_LIMITS,
    ...env,
  });
  try {
    await waitUntilReady(gateway, 45_000);
    const urls = [`${await gateway.baseUrl()}/graphql`];
    await signInAs(dataDir);
    await trivialBurstTime(urls);
    await trivialBurstTime(urls);
    for (let c = 0; c < COHORTS; c++) await openCohort(urls[0]!, `bench-${c}`, 500);
    await openCohort(urls[0]!, 'warm-up', 500);
    for (let wave = 0; wave < WARM_UP_WAVES; wave++)
      await Promise.all(
        Array.from({ length: CONNECTIONS }, (_, i) => post(urls[0]!, submitBody('warm-up', `warm-${wave}-${i}`))),
      );
    return await loadAll(urls, (n) => submitBody(`bench-${n % COHORTS}`, `learner-${n}`));
  } finally {
    await stopWithin(gateway, 15_000);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Waves of CONNECTIONS submissions to a cohort of its own before each measured run. */
const WARM_UP_WAVES = 20;
const ROUNDS = 3;

const mean = (runs: readonly Throughput[], key: 'requestsPerSecond' | 'p50' | 'p99') =>
  runs.reduce((sum, r) => sum + r[key], 0) / runs.length;

export async function run(): Promise<BenchSection> {
  const receiver = await startOtlpReceiver();
  const on = {
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
  };
  try {
    const off: Throughput[] = [];
    const traced: Throughput[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      off.push(await submitLoad({}));
      traced.push(await submitLoad(on));
    }
    const spans = receiver.spans().length;
    const offRate = mean(off, 'requestsPerSecond');
    const onRate = mean(traced, 'requestsPerSecond');
    const cost = 1 - onRate / offRate;
    const failed = [...off, ...traced].reduce((sum, r) => sum + r.failed, 0);
    return {
      title: 'Tracing on against off (submit load, gateway process, embedded SQLite)',
      method:
        `The gateway's main.ts as its own process (embedded workers, fresh SOOC_DATA_DIR each run, LOG_LEVEL=error); ` +
        `submitApplication over ${COHORTS} cohorts at ${CONNECTIONS} connections for ${DURATION_S} s per run, after two warm-up bursts of \`{ __typename }\` and ${WARM_UP_WAVES} waves of ${CONNECTIONS} submissions to a cohort of their own; ` +
        `runs alternate off (no OTEL_* variable) and on (OTEL_EXPORTER_OTLP_ENDPOINT to an OTLP/HTTP receiver on the loopback, ` +
        `OTEL_EXPORTER_OTLP_PROTOCOL=http/json, the SDK’s default batch span processor), ${ROUNDS} of each; figures are the means.`,
      rows: [
        {
          name: 'submitApplication, tracing off',
          value: offRate,
          unit: 'requests/s',
          note: off.map((r) => Math.round(r.requestsPerSecond)).join(', '),
        },
        {
          name: 'submitApplication, tracing on',
          value: onRate,
          unit: 'requests/s',
          note: traced.map((r) => Math.round(r.requestsPerSecond)).join(', '),
        },
        { name: 'p99, tracing off', value: mean(off, 'p99'), unit: 'ms' },
        { name: 'p99, tracing on', value: mean(traced, 'p99'), unit: 'ms' },
        {
          name: 'spans received',
          value: spans,
          unit: 'spans',
          note: 'by the loopback receiver, all traced runs, warm-ups included',
        },
        { name: 'failed requests', value: failed, unit: 'requests' },
      ],
      findings: [
        `cost of tracing: ${(cost * 100).toFixed(1)}% of submit throughput (aim ≤ 10%)${cost <= 0.1 ? ': met' : ': not met'}`,
      ],
    };
  } finally {
    await receiver.close();
  }
}
