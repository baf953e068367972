/**
 * End to end through a booted gateway (embedded: SQLite stores, projections and reactor in the
 * same process, as `npm start` runs): `submitApplication` throughput and latency at 50
 * connections beside the same server's throughput for a trivial query, and the time of the
 * 1,000-applicants-for-100-seats race until every applicant has a seat or a waitlist place.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
// The benchmark measures the app as it ships, so it boots it the way main.ts does.
import { createGateway, loadConfig, type Gateway } from '@sooc/gateway';
import type { BenchSection } from './bench.types';

const CONNECTIONS = 50;
const DURATION_S = 10;
const COHORTS = 40;
const RACE_APPLICANTS = 1_000;
const RACE_SEATS = 100;

async function gql(gateway: Gateway, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data ?? {};
}

async function openCohort(gateway: Gateway, id: string, capacity: number): Promise<void> {
  const courseId = `course-${id}`;
  await gql(gateway, `mutation($i: DraftCourseInput!) { draftCourse(input: $i) { position } }`, {
    i: { courseId, title: 'Bench course', summary: 'Bench', topics: ['bench'], language: 'en', prerequisites: [], selectionPolicy: 'FIRST_COME', defaultCapacity: capacity },
  });
  await gql(gateway, `mutation($i: PlanCohortInput!) { planCohort(input: $i) { position } }`, {
    i: { courseId, cohortId: id, title: `Bench ${id}`, capacity, applicationWindow: { opensAt: '2020-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' }, startsOn: '2099-02-01', endsOn: '2099-03-01' },
  });
  await gql(gateway, `mutation($c: ID!) { openApplications(cohortId: $c) { position } }`, { c: id });
}

const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { position application { status } } }`;
const submitBody = (cohortId: string, learnerId: string) =>
  JSON.stringify({
    query: SUBMIT,
    variables: { input: { cohortId, learnerId, dossier: { motivation: 'Benchmarking', level: 'BEGINNER', companyId: null, answers: [], prerequisitesMet: [] } } },
  });

function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function raceTime(gateway: Gateway): Promise<{ answered: number; settled: number }> {
  const cohortId = 'race';
  await openCohort(gateway, cohortId, RACE_SEATS);
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: RACE_APPLICANTS }, (_, i) =>
      fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: submitBody(cohortId, `racer-${i}`) }).then((r) => r.json() as Promise<{ errors?: unknown }>),
    ),
  );
  const answered = performance.now() - started;
  if (answers.some((a) => a.errors)) throw new Error('a race submission failed');
  for (;;) {
    const data = await gql(gateway, `query($c: ID!) { cohortDashboard(cohortId: $c) { reserved waitlistLength } }`, { c: cohortId });
    const d = data['cohortDashboard'] as { reserved: number; waitlistLength: number };
    if (d.reserved + d.waitlistLength === RACE_APPLICANTS) {
      if (d.reserved !== RACE_SEATS) throw new Error(`race seated ${d.reserved}`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { answered, settled: performance.now() - started };
}

export async function run(): Promise<BenchSection> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sooc-bench-admission-'));
  const gateway = await createGateway(loadConfig({ PORT: '0', HOST: '127.0.0.1', SOOC_DATA_DIR: dataDir, LOG_LEVEL: 'error' }));
  try {
    const race = await raceTime(gateway);
    for (let c = 0; c < COHORTS; c++) await openCohort(gateway, `bench-${c}`, 500);

    const trivial = await cannon({ url: gateway.url, method: 'POST', connections: CONNECTIONS, duration: DURATION_S, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    let n = 0;
    const submit = await cannon({
      url: gateway.url,
      method: 'POST',
      connections: CONNECTIONS,
      duration: DURATION_S,
      headers: { 'content-type': 'application/json' },
      requests: [{ setupRequest: (request) => ({ ...request, body: submitBody(`bench-${n % COHORTS}`, `learner-${n++}`) }) }],
    });
    const failures = submit.non2xx + submit.errors;
    const ratio = submit.requests.average / trivial.requests.average;
    return {
      title: 'Admission end to end (booted gateway, embedded SQLite, reactor in process)',
      method:
        `autocannon, ${CONNECTIONS} connections, ${DURATION_S} s each: \`{ __typename }\` (the server's ceiling), then \`submitApplication\` with a new learner per request spread over ${COHORTS} open first-come cohorts of 500 seats; the reactor seats or waitlists every applicant meanwhile. ` +
        `Race: ${RACE_APPLICANTS} concurrent submissions (one HTTP request each, all in flight at once) into a fresh ${RACE_SEATS}-seat first-come cohort, timed until all were answered and until the dashboard showed every applicant seated or waitlisted.`,
      rows: [
        { name: 'trivial query', value: trivial.requests.average, unit: 'req/s', note: `p50 ${trivial.latency.p50} ms, p99 ${trivial.latency.p99} ms` },
        { name: 'submitApplication', value: submit.requests.average, unit: 'req/s', note: `p50 ${submit.latency.p50} ms, p99 ${submit.latency.p99} ms; ${failures} failed of ${submit.requests.total}` },
        { name: `race: ${RACE_APPLICANTS} submissions answered`, value: race.answered, unit: 'ms' },
        { name: `race: every applicant seated (${RACE_SEATS}) or waitlisted`, value: race.settled, unit: 'ms' },
      ],
      findings: [
        `submitApplication / trivial query = ${ratio.toFixed(2)} (aim ≥ 0.5)`,
        `1,000 → 100 race settled in ${Math.round(race.settled)} ms (aim < 1 s)`,
      ],
    };
  } finally {
    await gateway.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
