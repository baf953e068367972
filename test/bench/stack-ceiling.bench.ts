/**
 * What the stack alone lets `submitApplication` reach beside `{ __typename }`: the bare NestJS +
 * Apollo server given the gateway's real `SubmitApplicationInput` and a resolver that writes
 * nothing (bare-mutation.server.ts), with and without the gateway's ValidationPipe. The admission
 * sections compare the real mutation with the gateway's trivial query (aim ≥ 0.5); this section
 * says how much of that budget the framework spends before any store, command or worker runs.
 */
import {
  CONNECTIONS,
  DURATION_S,
  loadAll,
  meanThroughput,
  startBareGraphQL,
  submitBody,
  TRIVIAL_QUERY,
  trivialBurstTime,
  type Throughput,
} from './admission.workload';
import type { BenchRow, BenchSection } from './bench.types';

interface Pair {
  readonly trivial: Throughput;
  readonly submit: Throughput;
}

/** Trivial query, then the mutation, then both again, on one fresh server: the rates averaged. */
async function measure(validation: 'pipe' | 'none', write: 'none' | 'append' | 'key' = 'none'): Promise<Pair> {
  const server = await startBareGraphQL('bare-mutation.server.ts', { BARE_VALIDATION: validation, BARE_WRITE: write });
  try {
    const urls = [server.url];
    await trivialBurstTime(urls);
    await trivialBurstTime(urls);
    let n = 0;
    const submit = () => loadAll(urls, () => submitBody('bench', `learner-${n++}`), { anonymous: true });
    const trivial = () => loadAll(urls, TRIVIAL_QUERY, { anonymous: true });
    const runs = [await trivial(), await submit(), await trivial(), await submit()];
    const failed = runs.reduce((sum, r) => sum + r.failed, 0);
    if (failed > 0) throw new Error(`${failed} requests failed on the bare mutation server (${validation}, ${write})`);
    return { trivial: meanThroughput([runs[0], runs[2]]), submit: meanThroughput([runs[1], runs[3]]) };
  } finally {
    await server.stop();
  }
}

const row = (name: string, t: Throughput): BenchRow => ({
  name,
  value: t.requestsPerSecond,
  unit: 'req/s',
  note: `p50 ${t.p50} ms, p99 ${t.p99} ms`,
});

export async function run(): Promise<BenchSection> {
  const bare = await measure('none');
  const piped = await measure('pipe');
  const appended = await measure('pipe', 'append');
  const keyed = await measure('pipe', 'key');
  const ratio = (p: Pair) => (p.submit.requestsPerSecond / p.trivial.requestsPerSecond).toFixed(2);
  return {
    title:
      'submitApplication on the bare stack: the framework, then the durable writes it cannot skip (no command path, no workers)',
    method:
      `test/bench/bare-mutation.server.ts as its own OS process: NestJS + ApolloDriver on Fastify (the gateway's versions, default settings), ` +
      `the gateway's \`SubmitApplicationInput\` classes and a \`submitApplication\` resolver that answers at once, ` +
      `first without and then with the gateway's global ValidationPipe (createInputValidationPipe); then, with the pipe, appending the ApplicationSubmitted event to a new stream ` +
      `of the real embedded event store (SqliteEventStore, synchronous=FULL, group commit) before answering; then also making the learner's key in the real key store first ` +
      `(SqliteKeyStore, group-committed fsync), as sealing the dossier needs. A fresh server for each; autocannon, ${CONNECTIONS} connections, ${DURATION_S} s each, ` +
      `on that server: \`{ __typename }\`, the mutation (a new learner per request, the admission sections' body), both again; rates averaged.`,
    rows: [
      row('trivial query (server without the ValidationPipe)', bare.trivial),
      row('submitApplication answered at once, GraphQL type checks only', bare.submit),
      row('trivial query (server with the ValidationPipe)', piped.trivial),
      row('submitApplication answered at once, input checked by the ValidationPipe', piped.submit),
      row('trivial query (server appending)', appended.trivial),
      row('submitApplication: checked, one event appended durably, then answered', appended.submit),
      row('trivial query (server making keys and appending)', keyed.trivial),
      row("submitApplication: checked, the learner's key made, one event appended, answered", keyed.submit),
    ],
    findings: [
      `submitApplication / trivial query on the bare stack: ${ratio(bare)} answered at once, ${ratio(piped)} with the gateway's input checks, ` +
        `${ratio(appended)} with one durable append, ${ratio(keyed)} with the learner's key made too: ` +
        `the ceiling of the gateway's ratio (aim ≥ 0.5) before authentication, the command path (load, decide, seal) and the embedded workers`,
    ],
  };
}
