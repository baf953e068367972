/**
 * The cost of tracing on the submit load: the gateway as it ships (embedded workers, SQLite) with
 * tracing off (no OTEL_* variables) and on (exporting every span over OTLP/HTTP to a receiver on
 * the loopback, in this process: protobuf, the SDK's default, and JSON), `submitApplication` at
 * 50 connections.
 *
 * The three gateways run side by side and take the load in turns, round after round, each slice
 * followed by its gateway's drain; the cost is the median of the rounds' on/off ratios. One
 * gateway per run, started afresh, put minutes between the runs compared, and on this shared
 * 2-core machine the rate drifts by 20-30% over minutes (the same mode gave 2.2 and 3.2 CPU ms
 * per submission): a median of five such runs moved the figure by five points from one bench run
 * to the next. Slices seconds apart see the same machine. Each gateway first warms the submit
 * path itself (JIT, caches, the workers), not only the trivial query.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOtlpReceiver } from '../deployment/otlp.receiver';
import { loadOrCreateLocalKey, localKeyPath } from '@sooc/auth';
import { startService, waitUntilReady, type ServiceProcess } from '../deployment/service.process';
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
import { cpuMs } from './process.cpu';

interface Slice extends Throughput {
  /** The gateway process's CPU (all its threads) per submission, the workers' catching up included. */
  readonly cpuMsPerSubmission: number;
}

/** Seconds of each slice of load. */
const SLICE_S = Math.max(3, Math.round(DURATION_S / 2));
const ROUNDS = 12;
/**
 * Rounds that share a set of COHORTS cohorts of 500 seats: as many as stay under its seats at up
 * to 1,000 submissions a second, so that every submission of every slice is seated: the same work throughout.
 */
const SEATS_PER_SET = COHORTS * 500;
const ROUNDS_PER_COHORT_SET = Math.max(1, Math.floor(SEATS_PER_SET / (SLICE_S * 1000)));
const cohortOf = (round: number, n: number) => `bench-${Math.floor(round / ROUNDS_PER_COHORT_SET)}-${n % COHORTS}`;
/** Waves of CONNECTIONS submissions to a cohort of their own before the first slice. */
const WARM_UP_WAVES = 20;

interface Mode {
  readonly name: string;
  readonly env: Record<string, string>;
  readonly slices: Slice[];
}

/**
 * After a slice, its gateway's reactor and projections finish the backlog before its CPU is read
 * and the next gateway's slice starts: two quarter-seconds in a row of at most one 10 ms tick.
 */
async function drained(pid: number | undefined): Promise<void> {
  let last = cpuMs(pid);
  let quiet = 0;
  for (let waited = 0; quiet < 2 && waited < 10_000; waited += 250) {
    await new Promise((later) => setTimeout(later, 250));
    const now = cpuMs(pid);
    quiet = now - last <= 10 ? quiet + 1 : 0;
    last = now;
  }
}

/** One data directory per gateway, all with the same local signing key: one bench token for the three. */
async function dataDirs(count: number): Promise<string[]> {
  const dirs = Array.from({ length: count }, () => mkdtempSync(join(tmpdir(), 'sooc-bench-tracing-')));
  for (const dir of dirs) await loadOrCreateLocalKey(dir);
  const key = readFileSync(localKeyPath(dirs[0]!), 'utf8');
  for (const dir of dirs.slice(1)) writeFileSync(localKeyPath(dir), key);
  await signInAs(dirs[0]!);
  return dirs;
}

async function warmUp(url: string): Promise<void> {
  await trivialBurstTime([url]);
  await trivialBurstTime([url]);
  for (let round = 0; round < ROUNDS; round += ROUNDS_PER_COHORT_SET)
    for (let c = 0; c < COHORTS; c++) await openCohort(url, cohortOf(round, c), 500);
  await openCohort(url, 'warm-up', 500);
  for (let wave = 0; wave < WARM_UP_WAVES; wave++)
    await Promise.all(
      Array.from({ length: CONNECTIONS }, (_, i) => post(url, submitBody('warm-up', `warm-${wave}-${i}`))),
    );
}

async function slice(gateway: ServiceProcess, url: string, round: number): Promise<Slice> {
  const before = cpuMs(gateway.child.pid);
  const load = await loadAll([url], (n) => submitBody(cohortOf(round, n), `r${round}-learner-${n}`), {
    durationS: SLICE_S,
  });
  await drained(gateway.child.pid);
  return { ...load, cpuMsPerSubmission: (cpuMs(gateway.child.pid) - before) / load.total };
}

/** The median over rounds of a mode's figure divided by the same round's figure with tracing off. */
function pairedRatio(mode: Mode, off: Mode, key: 'requestsPerSecond' | 'cpuMsPerSubmission'): number {
  return median(mode.slices.map((s, round) => s[key] / off.slices[round]![key]));
}

export async function run(): Promise<BenchSection> {
  const protobuf = await startOtlpReceiver('protobuf');
  const json = await startOtlpReceiver('json');
  const modes: Mode[] = [
    { name: 'off', env: {}, slices: [] },
    // The SDK's default protocol (http/protobuf) is what OTEL_EXPORTER_OTLP_ENDPOINT alone turns on.
    { name: 'on (http/protobuf, the default)', env: { OTEL_EXPORTER_OTLP_ENDPOINT: protobuf.url }, slices: [] },
    {
      name: 'on (http/json)',
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: json.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' },
      slices: [],
    },
  ];
  const dirs = await dataDirs(modes.length);
  const gateways = modes.map((mode, i) =>
    startService('gateway', `gateway, tracing ${mode.name}`, {
      SOOC_DATA_DIR: dirs[i]!,
      LOG_LEVEL: 'error',
      ...BENCH_RATE_LIMITS,
      ...mode.env,
    }),
  );
  try {
    await Promise.all(gateways.map((g) => waitUntilReady(g, 60_000)));
    const urls = await Promise.all(gateways.map(async (g) => `${await g.baseUrl()}/graphql`));
    for (const url of urls) await warmUp(url);
    for (let round = 0; round < ROUNDS; round++) {
      // Each round starts with the next mode, so that no mode always follows the same one.
      for (let k = 0; k < modes.length; k++) {
        const i = (round + k) % modes.length;
        modes[i]!.slices.push(await slice(gateways[i]!, urls[i]!, round));
      }
    }
  } finally {
    await Promise.all(gateways.map((g) => stopWithin(g, 15_000)));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
  try {
    const [off, traced, tracedJson] = modes as [Mode, Mode, Mode];
    const cost = 1 - pairedRatio(traced, off, 'requestsPerSecond');
    const costJson = 1 - pairedRatio(tracedJson, off, 'requestsPerSecond');
    const cpuCost = pairedRatio(traced, off, 'cpuMsPerSubmission') - 1;
    const cpuCostJson = pairedRatio(tracedJson, off, 'cpuMsPerSubmission') - 1;
    const failed = modes.flatMap((m) => m.slices).reduce((sum, s) => sum + s.failed, 0);
    const figure = (mode: Mode, key: 'requestsPerSecond' | 'cpuMsPerSubmission' | 'p99') =>
      median(mode.slices.map((s) => s[key]));
    return {
      title: 'Tracing on against off (submit load, gateway process, embedded SQLite)',
      method:
        `Three processes of the gateway's main.ts side by side (embedded workers, a SOOC_DATA_DIR each, LOG_LEVEL=error): tracing off (no OTEL_* variable), ` +
        `on (OTEL_EXPORTER_OTLP_ENDPOINT to an OTLP/HTTP receiver on the loopback, nothing else: the SDK's default protocol, http/protobuf, and its default batch span processor) ` +
        `and on with OTEL_EXPORTER_OTLP_PROTOCOL=http/json to a second receiver. Each is warmed (two bursts of \`{ __typename }\`, ${WARM_UP_WAVES} waves of ${CONNECTIONS} submissions to a cohort of their own), ` +
        `then they take turns: ${ROUNDS} rounds of a ${SLICE_S} s slice of submitApplication each (over ${COHORTS} cohorts of 500 seats, a fresh set every ${ROUNDS_PER_COHORT_SET} rounds so that every submission is seated; ${CONNECTIONS} connections), every slice followed by its gateway's drain ` +
        `(until its CPU stays still for half a second), each round starting with the next mode. ` +
        `A slice's CPU is the gateway process's (user + system, all threads, /proc/<pid>/stat) from its start to the end of its drain, divided by the submissions answered. ` +
        `The cost is 1 − the median over rounds of the round's on/off rate ratio (and the CPU's ratio − 1): slices seconds apart see the same machine, where runs minutes apart did not. ` +
        `The receivers (test/deployment/otlp.receiver.ts, in the bench process) keep each export's body and decode every span after the runs, as a collector on its own machine would not share the gateway's cores.`,
      rows: [
        ...modes.map((mode) => ({
          name: `submitApplication, tracing ${mode.name}`,
          value: figure(mode, 'requestsPerSecond'),
          unit: 'requests/s',
          note: `median of the slices: ${mode.slices.map((s) => Math.round(s.requestsPerSecond)).join(', ')}`,
        })),
        ...modes.map((mode) => ({
          name: `gateway CPU per submission, tracing ${mode.name}`,
          value: figure(mode, 'cpuMsPerSubmission'),
          unit: 'CPU ms',
          note: mode.slices.map((s) => s.cpuMsPerSubmission.toFixed(2)).join(', '),
        })),
        ...modes.map((mode) => ({ name: `p99, tracing ${mode.name}`, value: figure(mode, 'p99'), unit: 'ms' })),
        {
          name: 'spans received',
          value: protobuf.spans().length + json.spans().length,
          unit: 'spans',
          note: `by the loopback receivers, warm-ups included (protobuf ${protobuf.spans().length}, JSON ${json.spans().length})`,
        },
        { name: 'failed requests', value: failed, unit: 'requests' },
      ],
      findings: [
        `cost of tracing: ${(cost * 100).toFixed(1)}% of submit throughput exporting with the default protocol (http/protobuf) (aim ≤ 10%)${cost <= 0.1 ? ': met' : ': not met'}`,
        `with OTEL_EXPORTER_OTLP_PROTOCOL=http/json: ${(costJson * 100).toFixed(1)}%`,
        `the gateway's CPU per submission (all threads, the workers' catching up included), on against off: ${signed(cpuCost)} with http/protobuf, ${signed(cpuCostJson)} with http/json`,
      ],
    };
  } finally {
    await protobuf.close();
    await json.close();
  }
}

const signed = (fraction: number) => `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(1)}%`;
