import { enrollmentStream } from '@sooc/enrollment-domain';
import { until } from '@sooc/util/testing';
import { startDeployment, type Deployment } from './deployment.harness';
import { ADMIN, APPLICATION, asHarness, draftCourse, OPEN, planCohort, submission, SUBMIT } from './e2e.documents';
import { dataOf, type GatewayClient, type GraphQLResponse } from './gateway.client';
import { healthOf, metricsOf, total } from './worker.checks';
import {
  createTestDatabase,
  dropTestDatabase,
  startSilencingProxy,
  type SilencingProxy,
} from '@sooc/read-store/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries
const { startPostgres } = require('../../tools/embedded-postgres/postgres.server.cjs') as {
  startPostgres(): Promise<PostgresServer>;
};

interface PostgresServer {
  readonly url: string;
  stop(): Promise<void>;
  restart(): Promise<void>;
  remove(): Promise<void>;
}
// eslint-disable-next-line @nx/enforce-module-boundaries
import { sooc } from '../../apps/cli/src/testing/sooc.run';

/** What each gateway is told (SOOC_STORE_TIMEOUT_MS): a request answers within it, written or refused. */
const STORE_TIMEOUT_MS = 2_000;
/** A request still unanswered after this has hung: far past the setting, so a loaded machine never trips it. */
const HUNG_AFTER_MS = 20_000;
const OUTAGE_MS = 10_000;

/** A store of the deployment that a spec can stop and start again on the same port, its data kept. */
interface Outage {
  readonly store: 'event store' | 'read database';
  readonly health: Record<string, unknown>;
  prepare(): Promise<{ readDbUrl?: string }>;
  begin(d: Deployment): Promise<void>;
  end(d: Deployment): Promise<void>;
  dispose(): Promise<void>;
}

const eventStoreOutage = (): Outage => ({
  store: 'event store',
  health: { ready: false, store: { reachable: false } },
  prepare: async () => ({}),
  begin: async (d) => d.stores.standIn!.interrupt(),
  end: (d) => d.stores.standIn!.resume(),
  dispose: async () => undefined,
});

/** A PostgreSQL server of this spec's own: the run's shared one must never stop. */
const readDatabaseOutage = (): Outage => {
  let server: PostgresServer | null = null;
  return {
    store: 'read database',
    health: { ready: false, readDb: { reachable: false } },
    async prepare() {
      server = await startPostgres();
      return { readDbUrl: server.url };
    },
    begin: () => server!.stop(),
    end: () => server!.restart(),
    dispose: async () => server?.remove(),
  };
};

/**
 * The read database's server falling silent, as a frozen host or a stalled network does: its
 * connections stay open and nothing answers (a proxy in front of a database of the run's server
 * holds every byte until it speaks again). A stopped server refuses at once; this one must be
 * bounded by the gateway itself.
 */
const silentReadDatabase = (): Outage => {
  let url: string | null = null;
  let proxy: SilencingProxy | null = null;
  return {
    store: 'read database',
    health: { ready: false, readDb: { reachable: false } },
    async prepare() {
      url = await createTestDatabase('silent_read_db');
      proxy = await startSilencingProxy(url);
      return { readDbUrl: proxy.url };
    },
    begin: async () => proxy!.silence(),
    end: async () => proxy!.speak(),
    async dispose() {
      await proxy?.close();
      if (url) await dropTestDatabase(url);
    },
  };
};

interface Outcome {
  readonly learnerId: string;
  readonly answer: GraphQLResponse<{ submitApplication: { position: string } }> | 'hung';
}

describe.each([
  ['EventStoreDB node', eventStoreOutage],
  ['PostgreSQL server', readDatabaseOutage],
  ['PostgreSQL server, silent (it keeps its connections and answers nothing),', silentReadDatabase],
])('on esdb+postgres: the %s stops for ~10 s under a submit load, then comes back', (_name, outageOf) => {
  let d: Deployment;
  let cohortId: string;
  const outcomes: Outcome[] = [];
  const reads: (GraphQLResponse | 'hung')[] = [];
  const outage = outageOf();

  beforeAll(async () => {
    const { readDbUrl } = await outage.prepare();
    d = await startDeployment('esdb+postgres', { env: { SOOC_STORE_TIMEOUT_MS: String(STORE_TIMEOUT_MS) }, readDbUrl });
    const courseId = await draftCourse(asHarness(d.a), { selectionPolicy: 'FIRST_COME', prerequisites: [] });
    cohortId = await planCohort(asHarness(d.a), courseId, { capacity: 500 });
    dataOf(d.a, await d.a.gql(OPEN, { cohortId }));
  }, 90_000);

  afterAll(async () => {
    await d?.dispose();
    await outage.dispose();
  });

  it('answers every request during the outage within the setting: served, or STORE_UNAVAILABLE naming the store', async () => {
    let sending = true;
    let sent = 0;
    // Each user submits an application, then reads it back: a write (the event store) and a read (the read database).
    const user = async (gateway: GatewayClient) => {
      while (sending) {
        const learnerId = `learner-${sent++}`;
        outcomes.push({ learnerId, answer: await within(gateway.gql(SUBMIT, submission(cohortId, learnerId))) });
        reads.push(await within(gateway.gql(APPLICATION, { cohortId, learnerId }, ADMIN)));
      }
    };
    const users = Array.from({ length: 8 }, (_, i) => user(i % 2 === 0 ? d.a : d.b));
    await pause(2_000);
    await outage.begin(d);
    const duringOutage = outcomes.length;
    await pause(OUTAGE_MS);
    const unavailable = await healthOf(d.service('gateway A'));
    await outage.end(d);
    await pause(5_000);
    sending = false;
    await Promise.all(users);

    expect(outcomes.filter((o) => o.answer === 'hung')).toEqual([]);
    expect(reads.filter((answer) => answer === 'hung')).toEqual([]);
    const answers = [...outcomes.map((o) => o.answer), ...reads];
    const refusals = answers.flatMap((answer) => (answer !== 'hung' && answer.errors ? answer.errors : []));
    expect(new Set(refusals.map((e) => `${e.extensions?.['code']} ${e.extensions?.['store']}`))).toEqual(
      new Set([`STORE_UNAVAILABLE ${outage.store}`]),
    );
    expect(refusals.length).toBeGreaterThan(0);
    expect(outcomes.slice(duringOutage).some((o) => o.answer !== 'hung' && !o.answer.errors)).toBe(true);
    expect(unavailable.status).toBe(503);
    expect(unavailable.report).toMatchObject(outage.health);
  }, 60_000);

  it('holds every acknowledged write', async () => {
    const acknowledged = outcomes.filter((o) => o.answer !== 'hung' && o.answer.data?.submitApplication);
    const missing: string[] = [];
    for (const { learnerId } of acknowledged) {
      const events = await d.stores.eventStore.readStream(enrollmentStream(cohortId, learnerId));
      if (!events.some((e) => e.type === 'ApplicationSubmitted')) missing.push(learnerId);
    }
    expect(missing).toEqual([]);
  });

  it('resumed its workers without a restart: the same processes, ready, the reactor seating or waitlisting every applicant', async () => {
    for (const name of ['gateway A', 'gateway B', 'projector', 'reactor']) {
      expect([name, d.service(name).child.exitCode === null ? 'running' : d.status()]).toEqual([name, 'running']);
      expect((await healthOf(d.service(name))).report).toMatchObject({ ready: true });
    }
    // First come: the reactor offers each applicant a seat, those who applied before, during and after the
    // outage; past the 500 seats (a fast machine sends more), it waitlists them.
    const submittedIds = (await d.stores.eventStore.readAll())
      .filter((e) => e.type === 'ApplicationSubmitted')
      .map((e) => (e.data as { learnerId: string }).learnerId);
    const unseated = async () => {
      const placed = new Set(
        (await d.stores.eventStore.readAll())
          .filter((e) => e.type === 'SeatOffered' || e.type === 'ApplicationWaitlisted')
          .map((e) => (e.data as { learnerId: string }).learnerId),
      );
      return submittedIds.filter((id) => !placed.has(id));
    };
    await until('every applicant seated or waitlisted', async () => (await unseated()).length === 0, {
      timeoutMs: 30_000,
      intervalMs: 100,
    });
    expect(await unseated()).toEqual([]);
  }, 60_000);

  it('projected everything, and its read models equal a rebuild (sooc projections verify)', async () => {
    const lag = async () => total(await metricsOf(d.service('projector')), 'sooc_projection_lag_positions');
    await until('the projector to catch up', async () => (await lag()) === 0, { timeoutMs: 30_000, intervalMs: 100 });
    expect(await lag()).toBe(0);
    const run = await sooc(['projections', 'verify'], { ...d.stores.env, LOG_LEVEL: 'error' });
    expect(run.error).toBeNull();
    expect(run.out.join('\n')).toContain('no differences');
  }, 60_000);
});

/** The answer, or 'hung' past HUNG_AFTER_MS; the timer ends with the answer, so none holds Jest open after the run. */
function within<T>(request: Promise<T>): Promise<T | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), HUNG_AFTER_MS)));
  return Promise.race([request, hung]).finally(() => clearTimeout(timer));
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
