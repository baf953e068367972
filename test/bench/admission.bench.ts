/**
 * End to end through the gateway as it ships (`npm start`: embedded SQLite stores, projections and
 * reactor inside the gateway), run as its own OS process so the load generator does not share its
 * event loop: `submitApplication` throughput at 50 connections beside the same gateway's trivial
 * query, that trivial query beside a bare NestJS + Apollo server, how soon an append is visible in
 * the read model under that load, and the 1,000-applicants-for-100-seats race.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService, waitUntilReady } from '../deployment/service.process';
import {
  BENCH_RATE_LIMITS,
  signInAs,
  COHORTS,
  CONNECTIONS,
  DURATION_S,
  findings,
  method,
  openCohort,
  PROBE_COHORT,
  raceTime,
  rows,
  stopWithin,
  submitUnderProbe,
  trivialBurstTime,
  trivialComparison,
} from './admission.workload';
import type { BenchSection } from './bench.types';

export async function run(): Promise<BenchSection> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sooc-bench-admission-'));
  // main.ts as a supervisor runs it, embedded workers (the default), on a free loopback port.
  const gateway = startService('gateway', 'gateway', {
    SOOC_DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    ...BENCH_RATE_LIMITS,
  });
  try {
    await waitUntilReady(gateway, 45_000);
    const urls = [`${await gateway.baseUrl()}/graphql`];
    await signInAs(dataDir);
    // Warmed first (connections, JIT), then the same sender times both.
    await trivialBurstTime(urls);
    const burst = await trivialBurstTime(urls);
    const race = await raceTime(urls);
    for (let c = 0; c < COHORTS; c++) await openCohort(urls[0], `bench-${c}`, 500);
    await openCohort(urls[0], PROBE_COHORT, 500);

    const { bare, trivial, trivialWithToken } = await trivialComparison(urls, 1);
    const metrics = `${await gateway.baseUrl()}/metrics`;
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
    await stopWithin(gateway, 15_000);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
