/**
 * The admission workload shared by the embedded and the separate-processes benches: the same
 * cohorts, the same mutation, the same race, sent to one gateway URL or spread over several.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join, resolve } from 'node:path';
import { loadOrCreateLocalKey, mintLocalToken } from '@sooc/auth';
import { NODE_FLAGS } from '@sooc/runtime';
import type { BenchRow } from './bench.types';

export const CONNECTIONS = 50;
/** Seconds of each autocannon run; `SOOC_BENCH_DURATION_S` shortens (or lengthens) a run. */
export const DURATION_S = durationFromEnv(process.env['SOOC_BENCH_DURATION_S'], 10);
export const COHORTS = 40;
export const RACE_APPLICANTS = 1_000;
export const RACE_SEATS = 100;

function durationFromEnv(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1)
    throw new Error(`SOOC_BENCH_DURATION_S="${value}": expected a whole number of seconds, 1 or more`);
  return seconds;
}

/**
 * The bearer token every request carries, minted with the gateway's local key (signInAs), unless
 * a load is sent `anonymous` (the trivial query it is compared with).
 */
let authorization: Record<string, string> = {};

export async function signInAs(dataDir: string): Promise<void> {
  const token = await mintLocalToken(await loadOrCreateLocalKey(dataDir), { role: 'admin', subject: 'bench' });
  authorization = { authorization: `Bearer ${token}` };
}

/** The gateways' environment for a bench: limits far above any load here, so they cost what they cost and refuse nothing. */
export const BENCH_RATE_LIMITS = {
  SOOC_RATE_LIMIT_PER_MINUTE: '10000000',
  SOOC_RATE_LIMIT_ANONYMOUS_PER_MINUTE: '10000000',
};

export async function gql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorization },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data ?? {};
}

export async function openCohort(url: string, id: string, capacity: number): Promise<void> {
  const courseId = `course-${id}`;
  await gql(url, `mutation($i: DraftCourseInput!) { draftCourse(input: $i) { position } }`, {
    i: {
      courseId,
      title: 'Bench course',
      summary: 'Bench',
      topics: ['bench'],
      language: 'en',
      prerequisites: [],
      selectionPolicy: 'FIRST_COME',
      defaultCapacity: capacity,
    },
  });
  await gql(url, `mutation($i: PlanCohortInput!) { planCohort(input: $i) { position } }`, {
    i: {
      courseId,
      cohortId: id,
      title: `Bench ${id}`,
      capacity,
      applicationWindow: { opensAt: '2020-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' },
      startsOn: '2099-02-01',
      endsOn: '2099-03-01',
    },
  });
  await gql(url, `mutation($c: ID!) { openApplications(input: { cohortId: $c }) { position } }`, { c: id });
}

const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { position application { status } } }`;
const DOSSIER = { motivation: 'Benchmarking', level: 'BEGINNER', companyId: null, answers: [], prerequisitesMet: [] };
export const submitBody = (cohortId: string, learnerId: string): string =>
  JSON.stringify({ query: SUBMIT, variables: { input: { cohortId, learnerId, dossier: DOSSIER } } });

export const TRIVIAL_QUERY = JSON.stringify({ query: '{ __typename }' });

function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/**
 * The sender of the burst, the race and the probe. Global fetch (undici's default agent) does keep
 * 1,000 requests in flight, but it opened new connections for each burst instead of reusing the
 * idle ones; undici is not installed as a package to configure it, so node:http with an agent
 * without limits: every request gets its own socket at once (no queue), and the sockets of the
 * warm-up burst are kept and reused by the timed burst and the race alike.
 */
const sender = new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: Infinity });

/** POSTs `body` to `url` through `sender`; resolves to the parsed JSON answer. */
export function post<T = GraphQLAnswer>(url: string, body: string): Promise<T> {
  return new Promise((done, failed) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: sender,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...authorization },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', failed);
        res.on('end', () => {
          try {
            done(JSON.parse(Buffer.concat(chunks).toString()) as T);
          } catch (error) {
            failed(new Error(`${res.statusCode} from ${url}, not JSON: ${String(error)}`));
          }
        });
      },
    );
    req.on('error', failed);
    req.end(body);
  });
}

export interface GraphQLAnswer {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { message?: string; extensions?: { code?: string } }[];
}

/**
 * Sends every body at once, round-robin over `urls`, and checks that all of them are in flight
 * together: each holds its own socket, none waits in the agent's queue.
 */
async function burst(urls: readonly string[], bodies: readonly string[]): Promise<GraphQLAnswer[]> {
  const answers = Promise.all(bodies.map((body, i) => post(urls[i % urls.length], body)));
  const count = (lists: NodeJS.ReadOnlyDict<readonly unknown[]>) =>
    Object.values(lists).reduce((sum, list) => sum + (list?.length ?? 0), 0);
  const inUse = count(sender.sockets);
  const queued = count(sender.requests);
  if (inUse < bodies.length || queued !== 0)
    throw new Error(`burst of ${bodies.length}: ${inUse} sockets in use, ${queued} requests queued`);
  return answers;
}

/**
 * What the race is compared with: `RACE_APPLICANTS` trivial queries sent the same way (one
 * request each, all in flight at once, round-robin over `urls`), timed until all were answered.
 */
export async function trivialBurstTime(urls: readonly string[]): Promise<number> {
  const started = performance.now();
  const answers = await burst(
    urls,
    Array.from({ length: RACE_APPLICANTS }, () => TRIVIAL_QUERY),
  );
  const failed = answers.filter((a) => a.errors || a.data?.['__typename'] !== 'Query');
  if (failed.length > 0) throw new Error(`${failed.length} trivial queries failed: ${JSON.stringify(failed[0])}`);
  return performance.now() - started;
}

/**
 * 1,000 concurrent submissions into a fresh 100-seat first-come cohort, sent round-robin to
 * `urls` the way trivialBurstTime sends its queries; timed until all were answered and until the
 * dashboard (read through the first URL) shows every applicant seated or waitlisted.
 */
export async function raceTime(urls: readonly string[]): Promise<{ answered: number; settled: number }> {
  const cohortId = 'race';
  await openCohort(urls[0], cohortId, RACE_SEATS);
  const started = performance.now();
  const answers = await burst(
    urls,
    Array.from({ length: RACE_APPLICANTS }, (_, i) => submitBody(cohortId, `racer-${i}`)),
  );
  const answered = performance.now() - started;
  // A read-model timeout means the write happened and only the answer's read was late.
  const failed = answers.filter((a) => a.errors?.some((e) => e.extensions?.code !== 'READ_MODEL_TIMEOUT'));
  if (failed.length > 0) throw new Error(`${failed.length} race submissions failed: ${JSON.stringify(failed[0])}`);
  const dashboard = JSON.stringify({
    query: `query($c: ID!) { cohortDashboard(cohortId: $c) { reserved waitlistLength } }`,
    variables: { c: cohortId },
  });
  for (;;) {
    const { data, errors } = await post(urls[0], dashboard);
    if (errors) throw new Error(JSON.stringify(errors));
    const d = data?.['cohortDashboard'] as { reserved: number; waitlistLength: number } | null;
    if (d && d.reserved + d.waitlistLength === RACE_APPLICANTS) {
      if (d.reserved !== RACE_SEATS) throw new Error(`race seated ${d.reserved}`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { answered, settled: performance.now() - started };
}

/** How often the visibility probe submits an application. */
export const PROBE_EVERY_MS = 20;

const PROBE_SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { position } }`;
const PROBE_READ = `query($c: ID!, $l: ID!, $at: Position) { application(cohortId: $c, learnerId: $l, consistentWith: $at) { enrollmentId } }`;

export interface Percentiles {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export interface Visibility extends Percentiles {
  /** The `{ __typename }` sent beside each sample's query: the round trip alone, under the same load. */
  readonly roundTrip: Percentiles;
  readonly samples: number;
  readonly failed: number;
  /** The first failure's message, if any. */
  readonly firstFailure?: string;
}

function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { p50: rank(0.5), p99: rank(0.99), max: sorted.at(-1) ?? NaN };
}

/**
 * Append → read-model visible latency: every `PROBE_EVERY_MS` a new learner applies to
 * `cohortId` (round-robin over `urls`); once the mutation's answer (with the position of its
 * append) arrives, the same gateway is asked for that application with `consistentWith: position`,
 * which waits in the gateway until its read models reached the position. One sample: from the
 * mutation's answer arriving here to the query's answer showing the application arriving here.
 * Beside that query a `{ __typename }` goes to the same gateway at the same instant: its round
 * trip is what the sample would be if the read model were already there.
 * `stop()` ends the probe and waits for the samples in flight.
 */
export function startVisibilityProbe(urls: readonly string[], cohortId: string): { stop(): Promise<Visibility> } {
  const visible: number[] = [];
  const roundTrips: number[] = [];
  const pending = new Set<Promise<void>>();
  let failed = 0;
  let firstFailure: string | undefined;
  let sent = 0;
  const probe = async (url: string, learnerId: string) => {
    const input = { cohortId, learnerId, dossier: DOSSIER };
    const submitted = await post(url, JSON.stringify({ query: PROBE_SUBMIT, variables: { input } }));
    const position = (submitted.data?.['submitApplication'] as { position?: string } | undefined)?.position;
    if (!position) throw new Error(JSON.stringify(submitted.errors));
    const answered = performance.now();
    const since = () => performance.now() - answered;
    const read = post(
      url,
      JSON.stringify({ query: PROBE_READ, variables: { c: cohortId, l: learnerId, at: position } }),
    );
    const trivial = post(url, TRIVIAL_QUERY).then(since);
    const [shown, roundTrip] = await Promise.all([read.then((answer) => ({ answer, after: since() })), trivial]);
    if (!shown.answer.data?.['application']) throw new Error(JSON.stringify(shown.answer.errors ?? shown.answer.data));
    visible.push(shown.after);
    roundTrips.push(roundTrip);
  };
  const timer = setInterval(() => {
    const n = sent++;
    const sample: Promise<void> = probe(urls[n % urls.length], `probe-${n}`)
      .catch((error: unknown) => {
        failed++;
        firstFailure ??= String(error);
      })
      .finally(() => pending.delete(sample));
    pending.add(sample);
  }, PROBE_EVERY_MS);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
      const roundTrip = percentiles(roundTrips);
      return { ...percentiles(visible), roundTrip, samples: visible.length, failed, firstFailure };
    },
  };
}

const ROOT = resolve(__dirname, '../..');

/**
 * test/bench/bare-graphql.server.ts (or another bare server of this folder, with `env`) as its own
 * OS process on a free loopback port, compiled by the repo's swc hook as the gateway's entry point
 * is; resolves once it listens.
 */
export async function startBareGraphQL(
  server = 'bare-graphql.server.ts',
  env: Record<string, string> = {},
): Promise<{ url: string; pid: number | undefined; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    // The gateway's Node flags: the comparison is of the frameworks and the code, not of V8's heap sizes.
    [...NODE_FLAGS, '--conditions=@sooc/source', '-r', join(ROOT, 'tools/ts-register.cjs'), join(__dirname, server)],
    {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let output = '';
  const url = await new Promise<string>((found, failed) => {
    const timer = setTimeout(
      () => failed(new Error(`bare graphql server not listening within 30 s:\n${output}`)),
      30_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /bare graphql ready: (\S+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        found(ready[1]);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then(() => {
      clearTimeout(timer);
      failed(new Error(`bare graphql server exited before listening:\n${output}`));
    });
  });
  return {
    url,
    pid: child.pid,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

export interface Throughput {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly failed: number;
  readonly total: number;
}

/**
 * `CONNECTIONS` connections split evenly over `urls`, all loaded at once for `durationS`
 * (`DURATION_S` by default): the sum of their rates, and the worst of their latency percentiles.
 */
export async function loadAll(
  urls: readonly string[],
  body: string | ((n: number) => string),
  { anonymous = false, durationS = DURATION_S }: { anonymous?: boolean; durationS?: number } = {},
): Promise<Throughput> {
  let n = 0;
  const results = await Promise.all(
    urls.map((url) =>
      cannon({
        url,
        method: 'POST',
        connections: Math.ceil(CONNECTIONS / urls.length),
        duration: durationS,
        headers: { 'content-type': 'application/json', ...(anonymous ? {} : authorization) },
        ...(typeof body === 'string'
          ? { body }
          : { requests: [{ setupRequest: (r: autocannon.Request) => ({ ...r, body: body(n++) }) }] }),
      }),
    ),
  );
  return {
    requestsPerSecond: results.reduce((sum, r) => sum + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    failed: results.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
    total: results.reduce((sum, r) => sum + r.requests.total, 0),
  };
}

/** Several runs as one: rates averaged, the worst p50 and p99, failures and totals summed. */
export function meanThroughput(runs: readonly Throughput[]): Throughput {
  return {
    requestsPerSecond: runs.reduce((sum, r) => sum + r.requestsPerSecond, 0) / runs.length,
    p50: Math.max(...runs.map((r) => r.p50)),
    p99: Math.max(...runs.map((r) => r.p99)),
    failed: runs.reduce((sum, r) => sum + r.failed, 0),
    total: runs.reduce((sum, r) => sum + r.total, 0),
  };
}

/** Rounds of the trivial-query comparison (bare servers, gateways without a token, with one). */
export const TRIVIAL_ROUNDS = 3;

/** The median of some figures (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/** The run with the median rate of several, its latencies with it. */
export function medianRun(runs: readonly Throughput[]): Throughput {
  const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const middle = sorted[sorted.length >> 1];
  if (!middle) throw new Error('medianRun needs at least one run');
  return middle;
}

/**
 * `{ __typename }` on `bareCount` bare servers, then on the gateways without a token and with
 * one, for TRIVIAL_ROUNDS rounds; each figure is its median run. Measured once each, the
 * gateway / bare ratio came out anywhere from 0.49 to 0.72 on this shared machine: one gateway's
 * rate moves by a quarter from one 10-s run to the next. Alternating also keeps the token's cost
 * from being the order's (the first run of a gateway is the coldest). The bare servers stay up,
 * idle, while the gateways are measured, and are stopped before the rest of the bench.
 */
export async function trivialComparison(
  urls: readonly string[],
  bareCount: number,
): Promise<{ bare: Throughput; trivial: Throughput; trivialWithToken: Throughput }> {
  const servers = await Promise.all(Array.from({ length: bareCount }, () => startBareGraphQL()));
  try {
    const bareUrls = servers.map((s) => s.url);
    await trivialBurstTime(bareUrls);
    await trivialBurstTime(bareUrls);
    const bare: Throughput[] = [];
    const anonymous: Throughput[] = [];
    const withToken: Throughput[] = [];
    for (let round = 0; round < TRIVIAL_ROUNDS; round++) {
      bare.push(await loadAll(bareUrls, TRIVIAL_QUERY));
      anonymous.push(await loadAll(urls, TRIVIAL_QUERY, { anonymous: true }));
      withToken.push(await loadAll(urls, TRIVIAL_QUERY));
    }
    return { bare: medianRun(bare), trivial: medianRun(anonymous), trivialWithToken: medianRun(withToken) };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/** The visibility probe's own cohort, apart from the load's. */
export const PROBE_COHORT = 'probe';

/** SIGTERM, then SIGKILL if the process has not exited within `ms`. */
export async function stopWithin(
  service: { child: ChildProcess; stop(): Promise<unknown> },
  ms: number,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((done) => (timer = setTimeout(done, ms)));
  await Promise.race([service.stop(), late]);
  clearTimeout(timer);
  if (service.child.exitCode === null && service.child.signalCode === null) {
    service.child.kill('SIGKILL');
    await service.stop();
  }
}

/** Cumulative bucket counts of `sooc_read_model_visible_seconds`, by upper bound in seconds. */
export type VisibleBuckets = ReadonlyMap<number, number>;

/** Reads the histogram from a process's GET /metrics (the gateway's when embedded, else the projector's). */
export async function scrapeVisible(metricsUrl: string): Promise<VisibleBuckets> {
  const text = await (await fetch(metricsUrl)).text();
  const buckets = new Map<number, number>();
  for (const match of text.matchAll(/^sooc_read_model_visible_seconds_bucket\{[^}]*le="([^"]+)"[^}]*\} (\S+)$/gm))
    buckets.set(match[1] === '+Inf' ? Number.POSITIVE_INFINITY : Number(match[1]), Number(match[2]));
  if (buckets.size === 0) throw new Error(`${metricsUrl} has no sooc_read_model_visible_seconds`);
  return buckets;
}

export interface ServerVisibility {
  readonly p50: number;
  readonly p99: number;
  readonly events: number;
}

/**
 * p50 and p99 in ms of what the histogram gained between two scrapes, interpolated linearly inside
 * the bucket where each falls (as Prometheus's histogram_quantile does).
 */
export function visibleBetween(before: VisibleBuckets, after: VisibleBuckets): ServerVisibility {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const counts = bounds.map((le) => (after.get(le) ?? 0) - (before.get(le) ?? 0));
  const total = counts[counts.length - 1];
  const quantile = (q: number) => {
    const rank = q * total;
    for (let i = 0; i < bounds.length; i++) {
      if (counts[i] < rank) continue;
      const lower = i === 0 ? 0 : bounds[i - 1];
      const below = i === 0 ? 0 : counts[i - 1];
      if (!Number.isFinite(bounds[i])) return lower * 1_000;
      const inBucket = counts[i] - below;
      return (lower + (bounds[i] - lower) * (inBucket === 0 ? 1 : (rank - below) / inBucket)) * 1_000;
    }
    return Number.NaN;
  };
  return { p50: quantile(0.5), p99: quantile(0.99), events: total };
}

/**
 * The submit load over `urls` (learners `<learners>-<n>`, spread over the bench cohorts), with the
 * visibility probe on `probeCohort` beside it and the histogram at `metrics` (the process that
 * projects) scraped around it.
 */
export async function submitUnderProbe(
  urls: readonly string[],
  metrics: string,
  probeCohort: string,
  learners: string,
): Promise<{ submit: Throughput; visibility: Visibility; committed: ServerVisibility }> {
  const before = await scrapeVisible(metrics);
  const probe = startVisibilityProbe(urls, probeCohort);
  const submit = await loadAll(urls, (n) => submitBody(`bench-${n % COHORTS}`, `${learners}-${n}`));
  const visibility = await probe.stop();
  const committed = visibleBetween(before, await scrapeVisible(metrics));
  return { submit, visibility, committed };
}

/** What both admission sections measure, in one run. */
export interface AdmissionFigures {
  /** Without a token: what the bare server is compared with. */
  readonly trivial: Throughput;
  /** The same query with a bearer token, right after: what authentication costs a request. */
  readonly trivialWithToken: Throughput;
  readonly submit: Throughput;
  readonly bare: Throughput;
  readonly visibility: Visibility;
  readonly committed: ServerVisibility;
  readonly race: { readonly answered: number; readonly settled: number };
  readonly burst: number;
}

/** The method text shared by both sections; `where` says how the load is spread. */
export function method(where: {
  connections: string;
  duration: number;
  bareServers: string;
  raceSent: string;
  projects: string;
}): string {
  return (
    `autocannon, ${where.connections}, ${where.duration} s each: \`{ __typename }\` on ${where.bareServers} (test/bench/bare-graphql.server.ts, its own OS process: NestJS + ApolloDriver on Fastify, the gateway's versions, default settings, a code-first schema of one Query field), then \`{ __typename }\` on the gateway without a token and with an admin's bearer token (local issuer, the same token on every request, as a client sends it); bare, without, with, alternated for ${TRIVIAL_ROUNDS} rounds, each figure the median run (one gateway's rate moves by a quarter from one run to the next); then \`submitApplication\` with a new learner per request spread over ${COHORTS} open first-come cohorts of 500 seats; the reactor seats or waitlists every applicant meanwhile. ` +
    `Append → visible, in the server: the \`sooc_read_model_visible_seconds\` histogram of the process that projects (${where.projects}), scraped before and after the submissions: for each event, the time from its commit to the event store to the commit of the read-model batch that applied it; p50 and p99 interpolated inside the buckets. ` +
    `Append → visible to a client: while the submissions run, a probe in the bench process submits one more application to its own cohort every ${PROBE_EVERY_MS} ms and, once the mutation's answer (with the position of its append) arrives, asks the same gateway for \`application(cohortId, learnerId, consistentWith: position)\`, which waits in the gateway until its read models reached that position; one sample is the time from the mutation's answer arriving to that query's answer (showing the application) arriving, one query round trip under load included; a \`{ __typename }\` sent beside that query at the same instant shows the round trip alone. ` +
    `Race: ${RACE_APPLICANTS} submissions into a fresh ${RACE_SEATS}-seat first-come cohort, all sent at once ${where.raceSent} (node:http, a keep-alive agent without a socket limit: one socket each, none queued), timed until all were answered and until the dashboard showed every applicant seated or waitlisted; compared with ${RACE_APPLICANTS} \`{ __typename }\` sent the same way over the same warmed sockets just before.`
  );
}

const ms = (n: number) => (n >= 100 ? `${Math.round(n)}` : n.toFixed(1));

/** The rows shared by both sections; `gateways` names the gateway(s) loaded, e.g. " (both gateways)". */
export function rows(f: AdmissionFigures, gateways: string): BenchRow[] {
  const worst = gateways ? 'worst ' : '';
  return [
    {
      name: `bare NestJS + Apollo (Fastify), trivial query${gateways ? ' (two servers)' : ''}`,
      value: f.bare.requestsPerSecond,
      unit: 'req/s',
      note: `${worst}p50 ${f.bare.p50} ms, p99 ${f.bare.p99} ms`,
    },
    {
      name: `trivial query${gateways}`,
      value: f.trivial.requestsPerSecond,
      unit: 'req/s',
      note: `${worst}p50 ${f.trivial.p50} ms, p99 ${f.trivial.p99} ms`,
    },
    {
      name: `trivial query with a bearer token${gateways}`,
      value: f.trivialWithToken.requestsPerSecond,
      unit: 'req/s',
      note: `${worst}p50 ${f.trivialWithToken.p50} ms, p99 ${f.trivialWithToken.p99} ms; the row above is without one`,
    },
    {
      name: `submitApplication${gateways}`,
      value: f.submit.requestsPerSecond,
      unit: 'req/s',
      note: `${worst}p50 ${f.submit.p50} ms, p99 ${f.submit.p99} ms; ${f.submit.failed} failed of ${f.submit.total}`,
    },
    {
      name: 'append → read model committed (server side), p50',
      value: f.committed.p50,
      unit: 'ms',
      note: `${f.committed.events} events projected during the submissions (sooc_read_model_visible_seconds)`,
    },
    { name: 'append → read model committed (server side), p99', value: f.committed.p99, unit: 'ms' },
    {
      name: 'append → read model visible to the probe, p50',
      value: f.visibility.p50,
      unit: 'ms',
      note: `${f.visibility.samples} probes during the submissions, ${f.visibility.failed} failed${f.visibility.firstFailure ? ` (first: ${f.visibility.firstFailure.slice(0, 200)})` : ''}`,
    },
    {
      name: 'append → read model visible to the probe, p99',
      value: f.visibility.p99,
      unit: 'ms',
      note: `max ${ms(f.visibility.max)} ms`,
    },
    {
      name: "the probe's `{ __typename }` sent beside, p50",
      value: f.visibility.roundTrip.p50,
      unit: 'ms',
      note: `p99 ${ms(f.visibility.roundTrip.p99)} ms: the round trip alone, under the same load`,
    },
    { name: `race: ${RACE_APPLICANTS} submissions answered`, value: f.race.answered, unit: 'ms' },
    { name: `race: every applicant seated (${RACE_SEATS}) or waitlisted`, value: f.race.settled, unit: 'ms' },
    { name: `${RACE_APPLICANTS} trivial queries sent the same way`, value: f.burst, unit: 'ms' },
  ];
}

/** The four figures of the issue, one line each, against their aims. */
export function findings(f: AdmissionFigures, aims: { visibilityMs: number; gateways: string }): string[] {
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  return [
    `submitApplication / trivial query = ${ratio(f.submit.requestsPerSecond, f.trivial.requestsPerSecond)} (aim ≥ 0.5)`,
    `1,000 → 100 race settled in ${Math.round(f.race.settled)} ms / ${Math.round(f.burst)} ms for ${RACE_APPLICANTS} trivial queries sent the same way to the same ${aims.gateways} = ${ratio(f.race.settled, f.burst)} (aim ≤ 1.5)`,
    `trivial query: gateway / bare NestJS + Apollo (Fastify) = ${ratio(f.trivial.requestsPerSecond, f.bare.requestsPerSecond)} (aim ≥ 0.8)`,
    `trivial query with a bearer token / without = ${ratio(f.trivialWithToken.requestsPerSecond, f.trivial.requestsPerSecond)} (aim ≥ 0.9: at most 10% slower)`,
    `append → read model visible under the submit load, in the server (the event's commit to the commit of the read-model batch holding it): p50 ${ms(f.committed.p50)} ms, p99 ${ms(f.committed.p99)} ms (aim p99 ≤ ${aims.visibilityMs} ms)`,
    `the same seen by a client (mutation answered → consistentWith query answered): p50 ${ms(f.visibility.p50)} ms, p99 ${ms(f.visibility.p99)} ms, of which one round trip under the load alone is p50 ${ms(f.visibility.roundTrip.p50)} ms, p99 ${ms(f.visibility.roundTrip.p99)} ms`,
  ];
}
