/**
 * `cohortAsOf` folds a cohort's streams from the event store up to an instant (no read model
 * knows the past); `cohortDashboard` reads the live read model. Both through the real gateway
 * process, on a 100-learner cohort with its whole history, one request at a time.
 */
import { gql, openCohort } from './admission.workload';
import { startBenchGateway } from './bench-gateway.process';
import type { BenchSection } from './bench.types';

const LEARNERS = 100;
const CAPACITY = 80;
const REQUESTS = 400;
const COHORT = 'as-of-bench';

const AS_OF = `query($c: ID!, $at: AsOfInput!) { cohortAsOf(cohortId: $c, at: $at) {
  cohortId status capacity reserved confirmed position lastChangedAt
  roster { learnerId companyId } waitlist { position learnerId }
  companies { companyId quota reserved confirmed waitlisted } groups { groupId learnerIds } } }`;
const DASHBOARD = `query($c: ID!) { cohortDashboard(cohortId: $c) {
  capacity reserved confirmed free waitlistLength waitlist { position learnerId }
  applicationsByStatus { status count } companies { companyId quota reserved confirmed waitlisted } } }`;

const ref = (learnerId: string) => ({ input: { cohortId: COHORT, learnerId } });

async function history(url: string): Promise<string> {
  await openCohort(url, COHORT, CAPACITY);
  for (let i = 0; i < LEARNERS; i++)
    await gql(url, `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { position } }`, {
      input: {
        cohortId: COHORT,
        learnerId: `l-${i}`,
        dossier: {
          name: `Learner ${i}`,
          email: `l-${i}@example.org`,
          motivation: 'Benchmarking the past',
          level: i % 2 ? 'BEGINNER' : 'INTERMEDIATE',
          companyId: i % 3 ? `company-${i % 4}` : null,
          answers: [],
          prerequisitesMet: [],
        },
      },
    });
  // The reactor offers the first 80 seats and waitlists the rest; let it finish.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const middle = new Date().toISOString();
  for (let i = 0; i < 60; i++)
    await gql(url, `mutation($input: AcceptOfferInput!) { acceptOffer(input: $input) { position } }`, ref(`l-${i}`));
  for (let i = 60; i < 70; i++)
    await gql(url, `mutation($input: DeclineOfferInput!) { declineOffer(input: $input) { position } }`, ref(`l-${i}`));
  for (let i = 90; i < 100; i++)
    await gql(
      url,
      `mutation($input: WithdrawApplicationInput!) { withdrawApplication(input: $input) { position } }`,
      ref(`l-${i}`),
    );
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  return middle;
}

async function latencies(url: string, query: string, variables: Record<string, unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    await gql(url, query, variables);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

export async function run(): Promise<BenchSection> {
  const gateway = await startBenchGateway('as-of');
  try {
    const url = gateway.url;
    const middle = await history(url);
    const now = new Date().toISOString();
    // Warm-up (JIT, connections), then timed.
    await latencies(url, AS_OF, { c: COHORT, at: { time: now } });
    const asOfNow = await latencies(url, AS_OF, { c: COHORT, at: { time: now } });
    const asOfMiddle = await latencies(url, AS_OF, { c: COHORT, at: { time: middle } });
    const dashboard = await latencies(url, DASHBOARD, { c: COHORT });
    const row = (name: string, sorted: number[], note?: string) => [
      { name: `${name} p50`, value: percentile(sorted, 0.5), unit: 'ms', ...(note ? { note } : {}) },
      { name: `${name} p99`, value: percentile(sorted, 0.99), unit: 'ms' },
    ];
    return {
      title: 'A cohort as of an instant, beside its live dashboard (gateway process, embedded SQLite)',
      method:
        `The gateway's main.ts as its own process on a fresh data dir. One FIRST_COME cohort of capacity ${CAPACITY}: ` +
        `${LEARNERS} applications (with name and e-mail, sealed), 60 offers accepted, 10 declined (promotions follow), ` +
        `10 withdrawals, through the API. Then ${REQUESTS} requests one at a time (after as many to warm up) of each query; latency seen by the client.`,
      rows: [
        ...row('cohortAsOf, at: now (whole history)', asOfNow, 'folds the cohort, seat and enrollment streams'),
        ...row('cohortAsOf, at: before the accepts', asOfMiddle),
        ...row('cohortDashboard (live read model)', dashboard),
      ],
      findings: [
        `cohortAsOf p50 / cohortDashboard p50 = ${(percentile(asOfNow, 0.5) / percentile(dashboard, 0.5)).toFixed(1)}× (the past is folded from the events on each request; the dashboard reads one row)`,
      ],
    };
  } finally {
    await gateway.stop();
  }
}
