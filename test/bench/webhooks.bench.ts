/**
 * Partner webhooks end to end, embedded: the gateway's main.ts as its own process (projector,
 * reactor and delivery worker in it, SQLite), 10 partners × 2 endpoints on a loopback receiver,
 * applications submitted through the API at a steady pace. Measured at the receiver: each
 * delivery's latency from the event's time, and deliveries per second; then a replay of every
 * endpoint's whole history, drained as fast as the worker goes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gql, openCohort } from './admission.workload';
import { startBenchGateway } from './bench-gateway.process';
import type { BenchSection } from './bench.types';

const PARTNERS = 10;
const ENDPOINTS_PER_PARTNER = 2;
const APPLICATIONS = 400;
const PER_SECOND = 40;
const COHORT = 'webhooks-bench';

interface Arrival {
  readonly path: string;
  readonly id: string;
  readonly latencyMs: number;
  readonly at: number;
}

function receiver(): Promise<{ server: Server; url: string; arrivals: Arrival[] }> {
  const arrivals: Arrival[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const now = Date.now();
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { time: string };
      arrivals.push({
        path: request.url ?? '',
        id: String(request.headers['webhook-id']),
        latencyMs: now - Date.parse(event.time),
        at: now,
      });
      response.writeHead(204).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, arrivals }),
    ),
  );
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return check();
}

export async function run(): Promise<BenchSection> {
  const hooks = await receiver();
  const gateway = await startBenchGateway('webhooks', { SOOC_WEBHOOK_ALLOW_PRIVATE: 'true' }).catch(
    async (error: unknown) => {
      await new Promise((resolve) => hooks.server.close(resolve));
      throw error;
    },
  );
  try {
    const url = gateway.url;
    const endpoints: string[] = [];
    for (let p = 0; p < PARTNERS; p++) {
      await gql(url, `mutation($i: RegisterPartnerInput!) { registerPartner(input: $i) { position } }`, {
        i: {
          partnerId: `partner-${p}`,
          companyId: `company-${p}`,
          name: `Company ${p}`,
          contact: `hr@company-${p}.example`,
        },
      });
      for (let e = 0; e < ENDPOINTS_PER_PARTNER; e++) {
        const endpointId = `p${p}-e${e}`;
        endpoints.push(endpointId);
        await gql(url, `mutation($i: AddWebhookEndpointInput!) { addWebhookEndpoint(input: $i) { position } }`, {
          i: {
            partnerId: `partner-${p}`,
            endpointId,
            url: `${hooks.url}/${endpointId}`,
            eventTypes: [],
            description: 'bench receiver',
          },
        });
      }
    }
    await openCohort(url, COHORT, APPLICATIONS);

    // A steady pace: one submission every 1/PER_SECOND s, without waiting for the answers.
    const started = Date.now();
    const sent: Promise<unknown>[] = [];
    for (let i = 0; i < APPLICATIONS; i++) {
      const due = started + (i * 1000) / PER_SECOND;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      sent.push(
        gql(url, `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { position } }`, {
          input: {
            cohortId: COHORT,
            learnerId: `l-${i}`,
            dossier: {
              motivation: 'Benchmarking webhooks',
              level: 'BEGINNER',
              companyId: `company-${i % PARTNERS}`,
              shareWithCompany: i % 2 === 0,
              answers: [],
              prerequisitesMet: [],
            },
          },
        }),
      );
    }
    await Promise.all(sent);
    // Each application: submitted, admitted, offered (first come, room for all): 3 events × 2 endpoints.
    const expected = APPLICATIONS * 3 * ENDPOINTS_PER_PARTNER;
    const complete = await until(
      () => new Set(hooks.arrivals.map((a) => `${a.path} ${a.id}`)).size >= expected,
      120_000,
    );
    const live = [...hooks.arrivals];
    const liveSeconds = (Math.max(...live.map((a) => a.at)) - started) / 1000;
    const latencies = live.map((a) => a.latencyMs).sort((a, b) => a - b);

    // Replay: every endpoint's whole history at once, drained by the worker.
    hooks.arrivals.length = 0;
    const replayStarted = Date.now();
    for (const endpointId of endpoints)
      await gql(
        url,
        `mutation($i: ReplayWebhookDeliveriesInput!) { replayWebhookDeliveries(input: $i) { position } }`,
        {
          i: { partnerId: `partner-${endpointId.slice(1, endpointId.indexOf('-'))}`, endpointId, fromPosition: '0' },
        },
      );
    const drained = await until(() => hooks.arrivals.length >= expected, 300_000);
    const replaySeconds = (Math.max(...hooks.arrivals.map((a) => a.at)) - replayStarted) / 1000;

    return {
      title: 'Partner webhooks: event → delivery latency and deliveries/s (gateway process, embedded SQLite)',
      method:
        `The gateway's main.ts as its own process on a fresh data dir (its projector, reactor and delivery worker in-process). ` +
        `${PARTNERS} partners × ${ENDPOINTS_PER_PARTNER} endpoints on one loopback receiver answering 204. ${APPLICATIONS} applications through the API at ` +
        `${PER_SECOND}/s to a first-come cohort with room for all, spread over the ${PARTNERS} companies: ${expected} deliveries ` +
        "(submitted, admitted and offered, to both endpoints). Latency: arrival at the receiver − the event's `time`. Then a replay of " +
        'every endpoint from position 0, drained as fast as the worker goes. Produced by `npm run bench -- webhooks`.',
      rows: [
        { name: 'live: event → webhook latency p50', value: percentile(latencies, 0.5), unit: 'ms' },
        { name: 'live: event → webhook latency p99', value: percentile(latencies, 0.99), unit: 'ms' },
        {
          name: 'live: deliveries/s (paced by the submissions)',
          value: live.length / liveSeconds,
          unit: 'deliveries/s',
          note: `${live.length} deliveries in ${liveSeconds.toFixed(1)} s${complete ? '' : ' (incomplete)'}`,
        },
        {
          name: 'replay: deliveries/s draining every endpoint’s history',
          value: hooks.arrivals.length / replaySeconds,
          unit: 'deliveries/s',
          note: `${hooks.arrivals.length} deliveries in ${replaySeconds.toFixed(1)} s${drained ? '' : ' (incomplete)'}`,
        },
      ],
      findings: [],
    };
  } finally {
    await gateway.stop();
    await new Promise((resolve) => hooks.server.close(resolve));
  }
}
