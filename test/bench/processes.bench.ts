/**
 * The admission workload of admission.bench.ts on the separate-processes deployment
 * (docs/DEPLOYMENT.md): two gateways with SOOC_WORKERS=none, the projector and the reactor, each
 * its own OS process on shared SQLite files, the load spread evenly over both gateways (and the
 * bare servers it is compared with: two of them, loaded the same way). Read beside the embedded
 * figures of the same run: on one 2-core machine the processes compete for the same cores and the
 * same SQLite write lock, so this shows the cost or gain of the split, not what separate machines
 * would give.
 */
import { startDeployment } from '../deployment/deployment.harness';
import {
  signInAs,
  COHORTS,
  CONNECTIONS,
  DURATION_S,
  findings,
  loadAll,
  method,
  openCohort,
  PROBE_COHORT,
  raceTime,
  rows,
  scrapeVisible,
  startVisibilityProbe,
  visibleBetween,
  submitBody,
  trivialBurstTime,
  trivialComparison,
} from './admission.workload';
import type { BenchSection } from './bench.types';

export async function run(): Promise<BenchSection> {
  const deployment = await startDeployment('sqlite');
  try {
    const urls = [deployment.a.url, deployment.b.url];
    await signInAs(deployment.stores.dataDir);
    await trivialBurstTime(urls);
    const burst = await trivialBurstTime(urls);
    const race = await raceTime(urls);
    for (let c = 0; c < COHORTS; c++) await openCohort(urls[c % 2], `bench-${c}`, 500);
    await openCohort(urls[0], PROBE_COHORT, 500);

    const { bare, trivial, trivialWithToken } = await trivialComparison(urls, 2);
    const metrics = `${await deployment.service('projector').baseUrl()}/metrics`;
    const before = await scrapeVisible(metrics);
    const probe = startVisibilityProbe(urls, PROBE_COHORT);
    const submit = await loadAll(urls, (n) => submitBody(`bench-${n % COHORTS}`, `learner-${n}`));
    const visibility = await probe.stop();
    const committed = visibleBetween(before, await scrapeVisible(metrics));
    const measured = { trivial, trivialWithToken, submit, bare, visibility, committed, race, burst };
    return {
      title: 'Admission on separate processes (two gateways, projector, reactor; shared SQLite files)',
      method:
        `The workload of the embedded section, through two gateway processes with SOOC_WORKERS=none beside a projector and a reactor process (test/deployment's harness, sources compiled by swc at start); each gateway waits for the read models through its follower. ` +
        method({
          connections: `${CONNECTIONS} connections split over both gateways (or both bare servers), rates summed`,
          duration: DURATION_S,
          bareServers: 'two bare servers',
          raceSent: 'round-robin to both gateways',
          projects: 'the projector',
        }) +
        ' The probe alternates between the gateways, submitting and querying on the same one.',
      rows: rows(measured, ' (both gateways)'),
      findings: findings(measured, { visibilityMs: 100, gateways: 'two gateways' }),
    };
  } finally {
    await deployment.stop().catch(() => undefined);
    await deployment.dispose();
  }
}
