/**
 * End to end through the gateway as it ships (`npm start`: embedded SQLite stores, projections and
 * reactor inside the gateway), run as its own OS process so the load generator does not share its
 * event loop: `submitApplication` throughput at 50 connections beside the same gateway's trivial
 * query, that trivial query beside a bare NestJS + Apollo server, how soon an append is visible in
 * the read model under that load, and the 1,000-applicants-for-100-seats race.
 */
import {
  COHORTS,
  CONNECTIONS,
  DURATION_S,
  findings,
  method,
  openCohort,
  PROBE_COHORT,
  raceTime,
  rows,
  submitUnderProbe,
  trivialBurstTime,
  trivialComparison,
} from './admission.workload';
import { startBenchGateway } from './bench-gateway.process';
import type { BenchSection } from './bench.types';

export async function run(): Promise<BenchSection> {
  // Embedded workers: the default.
  const gateway = await startBenchGateway('admission');
  try {
    const urls = [gateway.url];
    // Warmed first (connections, JIT), then the same sender times both.
    await trivialBurstTime(urls);
    const burst = await trivialBurstTime(urls);
    const race = await raceTime(urls);
    for (let c = 0; c < COHORTS; c++) await openCohort(urls[0], `bench-${c}`, 500);
    await openCohort(urls[0], PROBE_COHORT, 500);

    const { bare, trivial, trivialWithToken } = await trivialComparison(urls, 1);
    const metrics = `${gateway.baseUrl}/metrics`;
    const { submit, visibility, committed } = await submitUnderProbe(urls, metrics, PROBE_COHORT, 'learner');
    const measured = { trivial, trivialWithToken, submit, bare, visibility, committed, race, burst };
    return {
      title: 'Admission end to end (gateway process, embedded SQLite, projections and reactor inside it)',
      method:
        `The gateway's main.ts as its own OS process (default embedded workers, SOOC_DATA_DIR a fresh temp dir, LOG_LEVEL=error), loaded from the bench process. ` +
        method({
          connections: `${CONNECTIONS} connections`,
          duration: DURATION_S,
          bareServers: 'a bare server',
          raceSent: 'to the gateway',
          projects: 'the gateway',
        }),
      rows: rows(measured, ''),
      findings: findings(measured, { visibilityMs: 50, gateways: 'gateway' }),
    };
  } finally {
    await gateway.stop();
  }
}
