/**
 * End to end through a booted gateway (embedded: SQLite stores, projections and reactor in the
 * same process, as `npm start` runs): `submitApplication` throughput and latency at 50
 * connections beside the same server's throughput for a trivial query, and the time of the
 * 1,000-applicants-for-100-seats race until every applicant has a seat or a waitlist place.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The benchmark measures the app as it ships, so it boots it the way main.ts does.
import { createGateway, loadConfig } from '@sooc/gateway';
import {
  COHORTS,
  CONNECTIONS,
  DURATION_S,
  loadAll,
  openCohort,
  RACE_APPLICANTS,
  RACE_SEATS,
  raceTime,
  trivialBurstTime,
  submitBody,
  TRIVIAL_QUERY,
} from './admission.workload';
import type { BenchSection } from './bench.types';

export async function run(): Promise<BenchSection> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sooc-bench-admission-'));
  const gateway = await createGateway(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', SOOC_DATA_DIR: dataDir, LOG_LEVEL: 'error' }),
  );
  try {
    // Warmed first (connections, JIT), then the same sender times both.
    await trivialBurstTime([gateway.url]);
    const burst = await trivialBurstTime([gateway.url]);
    const race = await raceTime([gateway.url]);
    for (let c = 0; c < COHORTS; c++) await openCohort(gateway.url, `bench-${c}`, 500);

    const trivial = await loadAll([gateway.url], TRIVIAL_QUERY);
    const submit = await loadAll([gateway.url], (n) => submitBody(`bench-${n % COHORTS}`, `learner-${n}`));
    const ratio = submit.requestsPerSecond / trivial.requestsPerSecond;
    return {
      title: 'Admission end to end (booted gateway, embedded SQLite, reactor in process)',
      method:
        `autocannon, ${CONNECTIONS} connections, ${DURATION_S} s each: \`{ __typename }\` (the server's ceiling), then \`submitApplication\` with a new learner per request spread over ${COHORTS} open first-come cohorts of 500 seats; the reactor seats or waitlists every applicant meanwhile. ` +
        `Race: ${RACE_APPLICANTS} concurrent submissions (one HTTP request each, all in flight at once) into a fresh ${RACE_SEATS}-seat first-come cohort, timed until all were answered and until the dashboard showed every applicant seated or waitlisted.`,
      rows: [
        {
          name: 'trivial query',
          value: trivial.requestsPerSecond,
          unit: 'req/s',
          note: `p50 ${trivial.p50} ms, p99 ${trivial.p99} ms`,
        },
        {
          name: 'submitApplication',
          value: submit.requestsPerSecond,
          unit: 'req/s',
          note: `p50 ${submit.p50} ms, p99 ${submit.p99} ms; ${submit.failed} failed of ${submit.total}`,
        },
        { name: `race: ${RACE_APPLICANTS} submissions answered`, value: race.answered, unit: 'ms' },
        { name: `race: every applicant seated (${RACE_SEATS}) or waitlisted`, value: race.settled, unit: 'ms' },
        { name: `${RACE_APPLICANTS} trivial queries sent the same way`, value: burst, unit: 'ms' },
      ],
      findings: [
        `submitApplication / trivial query = ${ratio.toFixed(2)} (aim ≥ 0.5)`,
        `1,000 → 100 race settled in ${Math.round(race.settled)} ms = ${(race.settled / burst).toFixed(2)} × the ${Math.round(burst)} ms the same gateway takes to answer ${RACE_APPLICANTS} trivial queries sent the same way (aim ≤ 1.5)`,
      ],
    };
  } finally {
    await gateway.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
