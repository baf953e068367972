/**
 * The cost of tracing on the submit load: the gateway as it ships (embedded workers, SQLite) with
 * tracing off (no OTEL_* variables) and on (exporting every span over OTLP/HTTP to a receiver on
 * the loopback, in this process: protobuf, the SDK's default, and JSON), `submitApplication` at
 * 50 connections, alternating off, on, … on fresh data directories; each mode's figure is the median of its runs. Each run first
 * warms the submit path itself (JIT, caches, the workers), not only the trivial query: unwarmed,
 * a mode's first run came out 20% below its second and the noise hid the cost measured.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
  median,
  openCohort,
  post,
  signInAs,
  stopWithin,
  submitBody,
  trivialBurstTime,
  type Throughput,
} from './admission.workload';
import type { BenchSection } from './bench.types';

interface TracedRun extends Throughput {
  /** The gateway process's CPU (all its threads) per submission, the workers' catching up included. */
  readonly cpuMsPerSubmission: number;
}

/**
 * CPU milliseconds a process has used (user + system, all threads: /proc/<pid>/stat, in 10 ms
 * ticks). A rate moves with whatever else the shared machine runs; the CPU a submission costs the
 * gateway moves much less, so the bench reports both.
 */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** After the load, the reactor and the projections finish the backlog before the CPU is read again. */
const DRAIN_MS = 3000;

async function submitLoad(env: Record<string, string>): Promise<TracedRun> {
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
    const before = cpuMs(gateway.child.pid);
    const load = await loadAll(urls, (n) => submitBody(`bench-${n % COHORTS}`, `learner-${n}`));
    await new Promise((drained) => setTimeout(drained, DRAIN_MS));
    return { ...load, cpuMsPerSubmission: (cpuMs(gateway.child.pid) - before) / load.total };
  } finally {
    await stopWithin(gateway, 15_000);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Waves of CONNECTIONS submissions to a cohort of its own before each measured run. */
const WARM_UP_WAVES = 20;
const ROUNDS = 5;

/**
 * A mode's figure is the median of its runs: on this shared 2-core machine one run in a few comes
 * out 20-25% low in every mode alike (a noisy neighbour, not the mode), and a mean of three moved
 * the cost by ten points with it.
 */
const medianOf = (runs: readonly TracedRun[], key: 'requestsPerSecond' | 'p50' | 'p99' | 'cpuMsPerSubmission') =>
  median(runs.map((r) => r[key]));

export async function run(): Promise<BenchSection> {
  const protobuf = await startOtlpReceiver('protobuf');
  const json = await startOtlpReceiver('json');
  // The SDK's default protocol (http/protobuf) is what OTEL_EXPORTER_OTLP_ENDPOINT alone turns on.
  const onProtobuf = { OTEL_EXPORTER_OTLP_ENDPOINT: protobuf.url };
  const onJson = { OTEL_EXPORTER_OTLP_ENDPOINT: json.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' };
  try {
    const off: TracedRun[] = [];
    const traced: TracedRun[] = [];
    const tracedJson: TracedRun[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      off.push(await submitLoad({}));
      traced.push(await submitLoad(onProtobuf));
      tracedJson.push(await submitLoad(onJson));
    }
    const offRate = medianOf(off, 'requestsPerSecond');
    const cost = 1 - medianOf(traced, 'requestsPerSecond') / offRate;
    const costJson = 1 - medianOf(tracedJson, 'requestsPerSecond') / offRate;
    const offCpu = medianOf(off, 'cpuMsPerSubmission');
    const cpuCost = medianOf(traced, 'cpuMsPerSubmission') / offCpu - 1;
    const cpuCostJson = medianOf(tracedJson, 'cpuMsPerSubmission') / offCpu - 1;
    const cpu = (name: string, runs: readonly TracedRun[]) => ({
      name,
      value: medianOf(runs, 'cpuMsPerSubmission'),
      unit: 'CPU ms',
      note: runs.map((r) => r.cpuMsPerSubmission.toFixed(2)).join(', '),
    });
    const failed = [...off, ...traced, ...tracedJson].reduce((sum, r) => sum + r.failed, 0);
    const rate = (name: string, runs: readonly TracedRun[]) => ({
      name,
      value: medianOf(runs, 'requestsPerSecond'),
      unit: 'requests/s',
      note: runs.map((r) => Math.round(r.requestsPerSecond)).join(', '),
    });
    return {
      title: 'Tracing on against off (submit load, gateway process, embedded SQLite)',
      method:
        `The gateway's main.ts as its own process (embedded workers, fresh SOOC_DATA_DIR each run, LOG_LEVEL=error); ` +
        `submitApplication over ${COHORTS} cohorts at ${CONNECTIONS} connections for ${DURATION_S} s per run, after two warm-up bursts of \`{ __typename }\` and ${WARM_UP_WAVES} waves of ${CONNECTIONS} submissions to a cohort of their own; ` +
        `runs alternate off (no OTEL_* variable), on (OTEL_EXPORTER_OTLP_ENDPOINT to an OTLP/HTTP receiver on the loopback, nothing else: the SDK's default protocol, http/protobuf, ` +
        `and its default batch span processor) and on with OTEL_EXPORTER_OTLP_PROTOCOL=http/json to a second receiver, ${ROUNDS} rounds; each figure is the median of its mode's runs (all runs in the notes). ` +
        `Beside each run's rate, the gateway process's CPU time (user + system, all threads, /proc/<pid>/stat) from the start of the load to ${DRAIN_MS / 1000} s after it, divided by the submissions answered. ` +
        `The receivers (test/deployment/otlp.receiver.ts, in the bench process) keep each export's body and decode every span after the runs, as a collector on its own machine would not share the gateway's cores.`,
      rows: [
        rate('submitApplication, tracing off', off),
        rate('submitApplication, tracing on (http/protobuf, the default)', traced),
        rate('submitApplication, tracing on (http/json)', tracedJson),
        cpu('gateway CPU per submission, tracing off', off),
        cpu('gateway CPU per submission, tracing on (http/protobuf)', traced),
        cpu('gateway CPU per submission, tracing on (http/json)', tracedJson),
        { name: 'p99, tracing off', value: medianOf(off, 'p99'), unit: 'ms' },
        { name: 'p99, tracing on (http/protobuf)', value: medianOf(traced, 'p99'), unit: 'ms' },
        { name: 'p99, tracing on (http/json)', value: medianOf(tracedJson, 'p99'), unit: 'ms' },
        {
          name: 'spans received',
          value: protobuf.spans().length + json.spans().length,
          unit: 'spans',
          note: `by the loopback receivers, all traced runs, warm-ups included (protobuf ${protobuf.spans().length}, JSON ${json.spans().length})`,
        },
        { name: 'failed requests', value: failed, unit: 'requests' },
      ],
      findings: [
        `cost of tracing: ${(cost * 100).toFixed(1)}% of submit throughput exporting with the default protocol (http/protobuf) (aim ≤ 10%)${cost <= 0.1 ? ': met' : ': not met'}`,
        `with OTEL_EXPORTER_OTLP_PROTOCOL=http/json: ${(costJson * 100).toFixed(1)}%`,
        `the gateway's CPU per submission (all threads, the workers' catching up included), on against off: +${(cpuCost * 100).toFixed(1)}% with http/protobuf, +${(cpuCostJson * 100).toFixed(1)}% with http/json`,
      ],
    };
  } finally {
    await protobuf.close();
    await json.close();
  }
}
