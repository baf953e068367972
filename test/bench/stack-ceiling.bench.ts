/**
 * What the stack alone lets `submitApplication` reach beside `{ __typename }`: the bare NestJS +
 * Apollo server given the gateway's real `SubmitApplicationInput` and a resolver that writes
 * nothing (bare-mutation.server.ts), with and without the gateway's ValidationPipe. The admission
 * sections compare the real mutation with the gateway's trivial query (aim ≥ 0.5); this section
 * says how much of that budget the framework spends before any store, command or worker runs,
 * and how far the least admission the domain records gets against what the aims ask together
 * (floorFinding). Then the gateway itself with SOOC_WORKERS=none and nothing beside it (no projector, no
 * reactor): its own path of a submission, with the read side and the reactions free — what moving
 * them off the gateway's thread could give at most. Last, the CPU a submission costs the server,
 * the workers (pipeline.bench.ts's stages) and the load generator, against the cores the rate the
 * three aims ask for together would need (budgetFinding).
 */
import {
  COHORTS,
  CONNECTIONS,
  DURATION_S,
  loadAll,
  meanThroughput,
  openCohort,
  post,
  startBareGraphQL,
  submitBody,
  TRIVIAL_QUERY,
  trivialBurstTime,
  type Throughput,
} from './admission.workload';
import { startBenchGateway } from './bench-gateway.process';
import { availableParallelism } from 'node:os';
import type { BenchRow, BenchSection } from './bench.types';
import { measureStage } from './pipeline.bench';
import { cpuMs } from './process.cpu';

interface Pair {
  readonly trivial: Throughput;
  readonly submit: Throughput;
  /** CPU milliseconds per submission while the submissions ran: the server's (all its threads) and the load generator's (this process). */
  readonly cpu: { readonly server: number; readonly loadGenerator: number };
}

/** Trivial query, then the mutation, then both again, on one fresh server: the rates averaged. */
async function measure(
  validation: 'pipe' | 'none',
  write: 'none' | 'append' | 'key' | 'admission' = 'none',
): Promise<Pair> {
  const server = await startBareGraphQL('bare-mutation.server.ts', { BARE_VALIDATION: validation, BARE_WRITE: write });
  try {
    return await alternate([server.url], (n) => submitBody('bench', `learner-${n}`), { anonymous: true }, server.pid);
  } catch (error) {
    throw new Error(`on the bare mutation server (${validation}, ${write}): ${String(error)}`, { cause: error });
  } finally {
    await server.stop();
  }
}

/**
 * The gateway's main.ts as the admission section runs it, but with SOOC_WORKERS=none and no
 * projector or reactor started: every submission is decided, sealed and appended as always, and
 * nothing reads it back.
 */
async function measureGatewayAlone(): Promise<Pair> {
  const gateway = await startBenchGateway('ceiling', { SOOC_WORKERS: 'none' });
  try {
    const url = gateway.url;
    for (let c = 0; c < COHORTS; c++) await openCohort(url, `bench-${c}`, 500);
    // autocannon counts a GraphQL error as an answer: one submission first, which must be accepted.
    const first = await post(url, submitBody('bench-0', 'first'));
    if (first.errors || !first.data?.['submitApplication'])
      throw new Error(`the gateway alone refused a submission: ${JSON.stringify(first)}`);
    // The trivial query anonymous and the submissions with the admin's token, as the admission section sends them.
    return await alternate(
      [url],
      (n) => submitBody(`bench-${n % COHORTS}`, `learner-${n}`),
      { anonymous: false },
      gateway.pid,
    );
  } finally {
    await gateway.stop();
  }
}

/** Warmed, then the trivial query, the mutation, both again: the rates averaged. */
async function alternate(
  urls: readonly string[],
  body: (n: number) => string,
  submitter: { anonymous: boolean },
  pid: number | undefined,
): Promise<Pair> {
  await trivialBurstTime(urls);
  await trivialBurstTime(urls);
  let n = 0;
  const cpu = { server: 0, loadGenerator: 0, submissions: 0 };
  const submit = async () => {
    const [server, generator] = [cpuMs(pid), process.cpuUsage()];
    const result = await loadAll(urls, () => body(n++), submitter);
    const used = process.cpuUsage(generator);
    cpu.server += cpuMs(pid) - server;
    cpu.loadGenerator += (used.user + used.system) / 1000;
    cpu.submissions += result.total;
    return result;
  };
  const trivial = () => loadAll(urls, TRIVIAL_QUERY, { anonymous: true });
  const runs = [await trivial(), await submit(), await trivial(), await submit()];
  const failed = runs.reduce((sum, r) => sum + r.failed, 0);
  if (failed > 0) throw new Error(`${failed} requests failed`);
  return {
    trivial: meanThroughput([runs[0], runs[2]]),
    submit: meanThroughput([runs[1], runs[3]]),
    cpu: { server: cpu.server / cpu.submissions, loadGenerator: cpu.loadGenerator / cpu.submissions },
  };
}

const row = (name: string, t: Throughput): BenchRow => ({
  name,
  value: t.requestsPerSecond,
  unit: 'req/s',
  note: `p50 ${t.p50} ms, p99 ${t.p99} ms`,
});

/** The gateway's trivial query at ≥ 0.8 × the bare server's, its submissions at ≥ 0.5 × that: submissions at this share of the bare trivial query. */
const BOTH_AIMS = 0.8 * 0.5;

/** CPU milliseconds a submission needs, at the least, from the parts of a machine the admission bench uses. */
interface Budget {
  /** The bare stack's process with its checks and the two durable writes (the keyed server). */
  readonly requestPath: number;
  /** The embedded projector and reactor (the pipeline section's difference of its two stages). */
  readonly workers: number;
  /** autocannon, in this process, sending the submissions. */
  readonly loadGenerator: number;
}

/** The middle value: the five bare servers answer the same trivial query, and one run of one can be low. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function budgetFinding(bareTrivial: number, budget: Budget, gatewayPath: number): string {
  const required = BOTH_AIMS * bareTrivial;
  const cores = availableParallelism();
  const coresAt = (requestPath: number) => (required * (requestPath + budget.workers + budget.loadGenerator)) / 1000;
  const least = coresAt(budget.requestPath);
  const verdict =
    least > cores
      ? `more than the ${cores} cores this machine has: with these workers the three aims cannot all hold here, however cheap the gateway's own path`
      : `within the ${cores} cores this machine has, leaving ${(((cores - least) * 1000) / required).toFixed(2)} CPU ms a submission for everything the gateway does beyond the bare stack`;
  return (
    `the CPU the aims need: the trivial query at 0.8 × the bare server's and submitApplication at 0.5 × that make ${Math.round(required)} submissions/s (0.40 × ${Math.round(bareTrivial)}, the median of the five bare servers' trivial query). ` +
    `Each needs at least ${budget.requestPath.toFixed(2)} CPU ms in the server (the bare stack: checks, the key, the append), ` +
    `${budget.workers.toFixed(2)} in the projector and the reactor as they are (pipeline section, without HTTP) and ${budget.loadGenerator.toFixed(2)} in the load generator: ` +
    `${least.toFixed(2)} cores, ${verdict}. With the gateway's own path as it is (${gatewayPath.toFixed(2)} CPU ms, the gateway alone): ${coresAt(gatewayPath).toFixed(2)} cores`
  );
}

/**
 * Both aims together ask the gateway's submissions for 0.40 × the bare trivial query. A gateway
 * does at least what the least admission does per submission, on the same framework and stores:
 * where that stays below 0.40 on this machine, no gateway here can meet both. The least admission
 * is set against its own trivial query too, measured seconds apart on the same server: the
 * machine's phase moves a server's rate by a third between runs, and a pair shares it.
 */
function floorFinding(bareTrivial: number, keyed: Pair, admitted: Pair): string {
  const share = (p: Pair) => p.submit.requestsPerSecond / bareTrivial;
  const own = admitted.submit.requestsPerSecond / admitted.trivial.requestsPerSecond;
  const floor = Math.max(share(admitted), own);
  const verdict =
    floor < BOTH_AIMS
      ? `both below 0.40: a gateway does at least this per submission, so on this machine no gateway can have both its trivial query at 0.8 × the bare server's and its submissions at 0.5 × its trivial query`
      : `not both below 0.40: the aims leave ${(floor / BOTH_AIMS - 1).toFixed(2)} × the least admission's rate for everything a gateway does beyond it`;
  return (
    `both aims together: with the gateway's trivial query at 0.8 × the bare server's, 0.5 × that is 0.40 × the bare trivial query (${Math.round(bareTrivial)} req/s, the median of the five bare servers). ` +
    `The bare stack making only the key and the append reached ${share(keyed).toFixed(2)} × that; the least admission the domain records (three events, the least read side) ` +
    `${share(admitted).toFixed(2)} × that and ${own.toFixed(2)} × its own trivial query, ${verdict}`
  );
}

export async function run(): Promise<BenchSection> {
  const bare = await measure('none');
  const piped = await measure('pipe');
  const appended = await measure('pipe', 'append');
  const keyed = await measure('pipe', 'key');
  const admitted = await measure('pipe', 'admission');
  const alone = await measureGatewayAlone();
  const commandPath = await measureStage('none');
  const embedded = await measureStage('embedded');
  const budget: Budget = {
    requestPath: keyed.cpu.server,
    workers: embedded.cpuMsPerSubmission - commandPath.cpuMsPerSubmission,
    loadGenerator: keyed.cpu.loadGenerator,
  };
  const bareTrivial = median([bare, piped, appended, keyed, admitted].map((p) => p.trivial.requestsPerSecond));
  const ratio = (p: Pair) => (p.submit.requestsPerSecond / p.trivial.requestsPerSecond).toFixed(2);
  const cpuRow = (name: string, ms: number, note: string): BenchRow => ({
    name,
    value: ms,
    unit: 'CPU ms / submission',
    note,
  });
  return {
    title:
      'submitApplication on the bare stack: the framework, then the durable writes it cannot skip (no command path, no workers); then the gateway without its workers; then the CPU the aims need',
    method:
      `test/bench/bare-mutation.server.ts as its own OS process: NestJS + ApolloDriver on Fastify (the gateway's versions, default settings), ` +
      `the gateway's \`SubmitApplicationInput\` classes and a \`submitApplication\` resolver that answers at once, ` +
      `first without and then with the gateway's global ValidationPipe (createInputValidationPipe); then, with the pipe, appending the ApplicationSubmitted event to a new stream ` +
      `of the real embedded event store (SqliteEventStore, synchronous=FULL, group commit) before answering; then also making the learner's key in the real key store first ` +
      `(SqliteKeyStore, group-committed fsync), as sealing the dossier needs; then also, after answering, the least rest of an admission as the domain records it: the seat or the waitlist appended to the cohort's stream ` +
      `(one append per cohort per turn of the event loop), the offer or the waitlisting appended to each learner's enrollment stream (group-committed together) and, on a worker thread, ` +
      `the application written once in its final state under the real read model's indexes and two standing in for the partner enrolments and the offers' deadlines, the cohort's seat count ` +
      `and the three events' audit entries under the real trail's indexes; no partner feed, seat ledger or dashboard rows (bare-admission.read-side.ts). A fresh server for each; autocannon, ${CONNECTIONS} connections, ${DURATION_S} s each, ` +
      `on that server: \`{ __typename }\`, the mutation (a new learner per request, the admission sections' body), both again; rates averaged; ` +
      `CPU per submission from /proc/<pid>/stat of the server (all its threads) and process.cpuUsage() of this process (autocannon) around the submissions. ` +
      `Then the gateway's main.ts as the admission section starts it, but with SOOC_WORKERS=none and no projector or reactor beside it, over the admission section's ${COHORTS} cohorts: ` +
      `the same alternation (the trivial query without a token, the submissions with the admin's token), each submission decided, sealed and appended as always, nothing projecting or reacting to it. ` +
      `Last, the pipeline section's two stages (the command path without HTTP, then with the embedded projector and reactor): their difference is what the workers cost a submission.`,
    rows: [
      row('trivial query (server without the ValidationPipe)', bare.trivial),
      row('submitApplication answered at once, GraphQL type checks only', bare.submit),
      row('trivial query (server with the ValidationPipe)', piped.trivial),
      row('submitApplication answered at once, input checked by the ValidationPipe', piped.submit),
      row('trivial query (server appending)', appended.trivial),
      row('submitApplication: checked, one event appended durably, then answered', appended.submit),
      row('trivial query (server making keys and appending)', keyed.trivial),
      row("submitApplication: checked, the learner's key made, one event appended, answered", keyed.submit),
      cpuRow('  its server', keyed.cpu.server, 'all its threads'),
      cpuRow('  its load generator', keyed.cpu.loadGenerator, 'autocannon in the bench process'),
      row('trivial query (server admitting)', admitted.trivial),
      row(
        'submitApplication: as above, then the seat and the offer appended and the least read side written on its own thread',
        admitted.submit,
      ),
      cpuRow('  its server', admitted.cpu.server, 'all its threads, the read side’s included'),
      row('the gateway alone (SOOC_WORKERS=none, no projector or reactor running): trivial query', alone.trivial),
      row('the gateway alone: submitApplication (decided, sealed, appended; nothing reads it back)', alone.submit),
      cpuRow('  the gateway', alone.cpu.server, 'all its threads'),
      cpuRow(
        'the embedded projector and reactor, without HTTP',
        budget.workers,
        'pipeline section: embedded minus the command path alone',
      ),
    ],
    findings: [
      `submitApplication / trivial query on the bare stack: ${ratio(bare)} answered at once, ${ratio(piped)} with the gateway's input checks, ` +
        `${ratio(appended)} with one durable append, ${ratio(keyed)} with the learner's key made too, ${ratio(admitted)} with the least rest of an admission: ` +
        `the ceiling of the gateway's ratio (aim ≥ 0.5) before authentication, the command path (load, decide, seal) and the real workers`,
      `the gateway alone, its read side and reactions free: submitApplication / trivial query = ${ratio(alone)}: ` +
        `the most that moving the projections and the reactor off its thread, or off the machine, could give`,
      floorFinding(bareTrivial, keyed, admitted),
      budgetFinding(bareTrivial, budget, alone.cpu.server),
    ],
  };
}
