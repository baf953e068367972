/**
 * The admission workload shared by the embedded and the separate-processes benches: the same
 * cohorts, the same mutation, the same race, sent to one gateway URL or spread over several.
 */
import autocannon from 'autocannon';

export const CONNECTIONS = 50;
export const DURATION_S = 10;
export const COHORTS = 40;
export const RACE_APPLICANTS = 1_000;
export const RACE_SEATS = 100;

export async function gql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
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
  await gql(url, `mutation($c: ID!) { openApplications(cohortId: $c) { position } }`, { c: id });
}

const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { position application { status } } }`;
export const submitBody = (cohortId: string, learnerId: string): string =>
  JSON.stringify({
    query: SUBMIT,
    variables: {
      input: {
        cohortId,
        learnerId,
        dossier: { motivation: 'Benchmarking', level: 'BEGINNER', companyId: null, answers: [], prerequisitesMet: [] },
      },
    },
  });

export const TRIVIAL_QUERY = JSON.stringify({ query: '{ __typename }' });

function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/**
 * What the race is compared with: `RACE_APPLICANTS` trivial queries sent the same way (one
 * request each, all in flight at once, round-robin over `urls`), timed until all were answered.
 */
export async function trivialBurstTime(urls: readonly string[]): Promise<number> {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: RACE_APPLICANTS }, (_, i) =>
      fetch(urls[i % urls.length], {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: TRIVIAL_QUERY,
      }).then((r) => r.json()),
    ),
  );
  return performance.now() - started;
}

/**
 * 1,000 concurrent submissions into a fresh 100-seat first-come cohort, sent round-robin to
 * `urls`; timed until all were answered and until the dashboard (read through the first URL)
 * shows every applicant seated or waitlisted.
 */
export async function raceTime(urls: readonly string[]): Promise<{ answered: number; settled: number }> {
  const cohortId = 'race';
  await openCohort(urls[0], cohortId, RACE_SEATS);
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: RACE_APPLICANTS }, (_, i) =>
      fetch(urls[i % urls.length], {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: submitBody(cohortId, `racer-${i}`),
      }).then((r) => r.json() as Promise<{ errors?: { extensions?: { code?: string } }[] }>),
    ),
  );
  const answered = performance.now() - started;
  // A read-model timeout means the write happened and only the answer's read was late.
  const failed = answers.filter((a) => a.errors?.some((e) => e.extensions?.code !== 'READ_MODEL_TIMEOUT'));
  if (failed.length > 0) throw new Error(`${failed.length} race submissions failed: ${JSON.stringify(failed[0])}`);
  for (;;) {
    const data = await gql(urls[0], `query($c: ID!) { cohortDashboard(cohortId: $c) { reserved waitlistLength } }`, {
      c: cohortId,
    });
    const d = data['cohortDashboard'] as { reserved: number; waitlistLength: number } | null;
    if (d && d.reserved + d.waitlistLength === RACE_APPLICANTS) {
      if (d.reserved !== RACE_SEATS) throw new Error(`race seated ${d.reserved}`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { answered, settled: performance.now() - started };
}

export interface Throughput {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly failed: number;
  readonly total: number;
}

/**
 * `CONNECTIONS` connections split evenly over `urls`, all loaded at once for `DURATION_S`:
 * the sum of their rates, and the worst of their latency percentiles.
 */
export async function loadAll(urls: readonly string[], body: string | ((n: number) => string)): Promise<Throughput> {
  let n = 0;
  const results = await Promise.all(
    urls.map((url) =>
      cannon({
        url,
        method: 'POST',
        connections: Math.ceil(CONNECTIONS / urls.length),
        duration: DURATION_S,
        headers: { 'content-type': 'application/json' },
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
