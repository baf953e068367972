/**
 * The admission workload of admission.bench.ts on the separate-processes deployment
 * (docs/DEPLOYMENT.md): the gateway with SOOC_WORKERS=none, the projector and the reactor, each
 * its own OS process on shared SQLite files. The figures are those of one gateway beside its
 * projector and reactor: one process per role, the topology's own cost. This machine has two
 * cores, which the load generator shares: a second gateway takes its CPU from the first and from
 * the workers (a few more submissions, the read models' p99 three to four times longer when it
 * was first measured), so it is measured after, as scaling out on the same cores (submissions,
 * visibility, the trivial query beside two bare servers), not as the topology's figure.
 */
import { startDeployment } from '../deployment/deployment.harness';
import {
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
  submitUnderProbe,
  type ServerVisibility,
  type Throughput,
  type Visibility,
  trivialBurstTime,
  trivialComparison,
} from './admission.workload';
import type { BenchRow, BenchSection } from './bench.types';

export async function run(): Promise<BenchSection> {
  const deployment = await startDeployment('sqlite');
  try {
    const urls = [deployment.a.url];
    const both = [deployment.a.url, deployment.b.url];
    await signInAs(deployment.stores.dataDir);
    await trivialBurstTime(urls);
    const burst = await trivialBurstTime(urls);
    const race = await raceTime(urls);
    for (let c = 0; c < COHORTS; c++) await openCohort(urls[0], `bench-${c}`, 500);
    await openCohort(urls[0], PROBE_COHORT, 500);
    await openCohort(urls[0], SCALED_PROBE_COHORT, 500);

    const metrics = `${await deployment.service('projector').baseUrl()}/metrics`;
    const { bare, trivial, trivialWithToken } = await trivialComparison(urls, 1);
    const { submit, visibility, committed } = await submitUnderProbe(urls, metrics, PROBE_COHORT, 'learner');
    const measured = { trivial, trivialWithToken, submit, bare, visibility, committed, race, burst };

    const scaledTrivial = await trivialComparison(both, 2);
    const scaled = await submitUnderProbe(both, metrics, SCALED_PROBE_COHORT, 'scaled');
    return {
      title: 'Admission on separate processes (gateway, projector, reactor; shared SQLite files)',
      method:
        `The workload of the embedded section, through a gateway process with SOOC_WORKERS=none beside a projector and a reactor process (test/deployment's harness, sources compiled by swc at start; its second gateway idle); the gateway waits for the read models through its follower. ` +
        method({
          connections: `${CONNECTIONS} connections`,
          duration: DURATION_S,
          bareServers: 'a bare server',
          raceSent: 'to the gateway',
          projects: 'the projector',
        }) +
        ` Then, scaled out on the same two cores: the trivial query on both gateways beside two bare servers (the same alternation), and the submissions with their probe spread over both gateways (${CONNECTIONS} connections split, rates summed; the probe alternates, submitting and querying on the same one).`,
      rows: [...rows(measured, ''), ...scaledRows(scaledTrivial, scaled)],
      findings: [
        ...findings(measured, { visibilityMs: 100, gateways: 'gateway' }),
        `scaled out to two gateways on the same two cores: submitApplication ${Math.round(scaled.submit.requestsPerSecond)}/s (${Math.round(submit.requestsPerSecond)}/s through one), ` +
          `${(scaled.submit.requestsPerSecond / scaledTrivial.trivial.requestsPerSecond).toFixed(2)} of their trivial query; ` +
          `append → read model committed p99 ${Math.round(scaled.committed.p99)} ms (${Math.round(committed.p99)} ms with one gateway)`,
      ],
    };
  } finally {
    await deployment.stop().catch(() => undefined);
    await deployment.dispose();
  }
}

/** The second probe's cohort: the first one's learners are taken. */
const SCALED_PROBE_COHORT = 'probe-scaled';

function scaledRows(
  t: { bare: Throughput; trivial: Throughput },
  s: { submit: Throughput; visibility: Visibility; committed: ServerVisibility },
): BenchRow[] {
  const rate = (name: string, x: Throughput, note = ''): BenchRow => ({
    name,
    value: x.requestsPerSecond,
    unit: 'req/s',
    note: `worst p50 ${x.p50} ms, p99 ${x.p99} ms${note}`,
  });
  return [
    rate('scaled out: bare NestJS + Apollo (Fastify), trivial query (two servers)', t.bare),
    rate('scaled out: trivial query (both gateways)', t.trivial),
    rate('scaled out: submitApplication (both gateways)', s.submit, `; ${s.submit.failed} failed of ${s.submit.total}`),
    { name: 'scaled out: append → read model committed (server side), p50', value: s.committed.p50, unit: 'ms' },
    { name: 'scaled out: append → read model committed (server side), p99', value: s.committed.p99, unit: 'ms' },
    {
      name: 'scaled out: append → read model visible to the probe, p99',
      value: s.visibility.p99,
      unit: 'ms',
      note: `${s.visibility.samples} probes, ${s.visibility.failed} failed`,
    },
  ];
}
