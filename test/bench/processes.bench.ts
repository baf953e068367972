/**
 * The admission workload of admission.bench.ts on the separate-processes deployment
 * (docs/DEPLOYMENT.md): two gateways with SOOC_WORKERS=none, the projector and the reactor, each
 * its own OS process on shared SQLite files, the load spread evenly over both gateways. Read
 * beside the embedded figures of the same run: on one 2-core machine the processes compete for
 * the same cores and the same SQLite write lock, so this shows the cost or gain of the split, not
 * what separate machines would give.
 */
import { startDeployment } from '../deployment/deployment.harness';
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
  const deployment = await startDeployment('sqlite');
  try {
    const urls = [deployment.a.url, deployment.b.url];
    await trivialBurstTime(urls);
    const burst = await trivialBurstTime(urls);
    const race = await raceTime(urls);
    for (let c = 0; c < COHORTS; c++) await openCohort(urls[c % 2], `bench-${c}`, 500);

    const trivial = await loadAll(urls, TRIVIAL_QUERY);
    const submit = await loadAll(urls, (n) => submitBody(`bench-${n % COHORTS}`, `learner-${n}`));
    const ratio = submit.requestsPerSecond / trivial.requestsPerSecond;
    return {
      title: 'Admission on separate processes (two gateways, projector, reactor; shared SQLite files)',
      method:
        `The workload of the embedded section, through two gateway processes with SOOC_WORKERS=none beside a projector and a reactor process (test/deployment's harness, sources compiled by swc at start): ` +
        `autocannon, ${CONNECTIONS} connections split over both gateways, ${DURATION_S} s each, rates summed; the race sends its ${RACE_APPLICANTS} submissions round-robin to both gateways (${RACE_SEATS} seats). ` +
        `Each mutation waits for its read model through the gateway's follower (checkpoints polled every 25 ms while someone waits).`,
      rows: [
        {
          name: 'trivial query (both gateways)',
          value: trivial.requestsPerSecond,
          unit: 'req/s',
          note: `worst p50 ${trivial.p50} ms, p99 ${trivial.p99} ms`,
        },
        {
          name: 'submitApplication (both gateways)',
          value: submit.requestsPerSecond,
          unit: 'req/s',
          note: `worst p50 ${submit.p50} ms, p99 ${submit.p99} ms; ${submit.failed} failed of ${submit.total}`,
        },
        { name: `race: ${RACE_APPLICANTS} submissions answered`, value: race.answered, unit: 'ms' },
        { name: `race: every applicant seated (${RACE_SEATS}) or waitlisted`, value: race.settled, unit: 'ms' },
        { name: `${RACE_APPLICANTS} trivial queries sent the same way`, value: burst, unit: 'ms' },
      ],
      findings: [
        `submitApplication / trivial query = ${ratio.toFixed(2)}`,
        `1,000 → 100 race settled in ${Math.round(race.settled)} ms across two gateways = ${(race.settled / burst).toFixed(2)} × ${RACE_APPLICANTS} trivial queries sent the same way (${Math.round(burst)} ms)`,
      ],
    };
  } finally {
    await deployment.stop().catch(() => undefined);
    await deployment.dispose();
  }
}
