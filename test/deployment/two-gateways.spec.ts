import { errorMessage } from '@sooc/util';
import { isDeepStrictEqual } from 'node:util';
import { cohortStream } from '@sooc/cohorts-domain';
import {
  applicationsOf,
  dashboardOf,
  learnerOf,
  ofCohort,
  seatsHeldOverTime,
  settledDashboard,
} from './admission.checks';
import { startDeployment, type Deployment } from './deployment.harness';
import type { StoreSetup } from './deployment.stores';
import {
  ADMIN,
  APPLICATION,
  asHarness,
  COHORT,
  type Application,
  type Dashboard,
  draftCourse,
  OPEN,
  planCohort,
  SUBMIT,
  submission,
  WITHDRAW,
} from './e2e.documents';
import { dataOf, type GatewayClient, type GraphQLResponse } from './gateway.client';
import { healthOf, metricsOf, total } from './worker.checks';

const CAPACITY = 30;
const APPLICANTS = 200;
const learner = (i: number) => `learner-${String(i).padStart(3, '0')}`;

/** One applicant's submission: through which gateway, and the position its answer named. */
interface Sent {
  readonly learnerId: string;
  readonly via: GatewayClient;
  readonly other: GatewayClient;
  readonly position: string | null;
}

describe.each<StoreSetup>(['sqlite', 'esdb+postgres'])(
  'on %s: two gateways, a projector and a reactor, each its own process',
  (setup) => {
    let d: Deployment;
    let cohortId: string;
    let sent: Sent[] = [];
    const pushedOnB: Dashboard[] = [];
    let unsubscribe: (() => Promise<void>) | null = null;

    beforeAll(async () => {
      d = await startDeployment(setup);
    }, 60_000);

    afterAll(async () => {
      await unsubscribe?.();
      await d?.dispose();
    });

    it('runs the gateways without workers and the separate projector and reactor as the active ones, as their health and metrics say', async () => {
      for (const gateway of ['gateway A', 'gateway B'])
        expect((await healthOf(d.service(gateway))).report).toMatchObject({ ready: true, workers: 'none' });
      for (const name of ['projector', 'reactor']) {
        const worker = d.service(name);
        await expectEventually(async () => (await healthOf(worker)).report['role'], 'active', 10_000);
        expect(total(await metricsOf(worker), 'sooc_worker_active', { worker: name })).toBe(1);
      }
    });

    it('shows a cohort opened through A as open through B once B is asked for that position', async () => {
      const courseId = await draftCourse(asHarness(d.a), { selectionPolicy: 'FIRST_COME', prerequisites: [] });
      cohortId = await planCohort(asHarness(d.a), courseId, { capacity: CAPACITY });
      const opened = dataOf(d.a, await d.a.gql<{ openApplications: { position: string } }>(OPEN, { cohortId }));
      const onB = dataOf(
        d.b,
        await d.b.gql<{ cohort: { status: string } | null }>(COHORT, {
          id: cohortId,
          at: opened.openApplications.position,
        }),
      );
      expect(onB.cohort).toMatchObject({ status: 'OPEN' });
    });

    it(`writes all ${APPLICANTS} applications sent at the same moment, half through each gateway`, async () => {
      unsubscribe = d.b.subscribe<{ cohortDashboardUpdated: Dashboard | null }>(
        'subscription Updates($cohortId: ID!) { cohortDashboardUpdated(cohortId: $cohortId, waitlistFirst: 1000) { reserved confirmed waitlistLength } }',
        { cohortId },
        (data) => data.cohortDashboardUpdated && pushedOnB.push(data.cohortDashboardUpdated),
      );
      const answers = await Promise.all(
        Array.from({ length: APPLICANTS }, (_, i) => {
          const [via, other] = i % 2 === 0 ? [d.a, d.b] : [d.b, d.a];
          return via
            .gql<{ submitApplication: { position: string } }>(SUBMIT, submission(cohortId, learner(i)))
            .then((answer) => ({ learnerId: learner(i), via, other, answer }));
        }),
      );
      // A mutation waits (5 s) for its gateway's read models to show the write; on a loaded machine
      // the projector may be later than that, and the answer then says so (READ_MODEL_TIMEOUT) and
      // names the position of the write that did happen. Any other error is a refusal.
      expect(
        answers
          .filter(({ answer }) => answer.errors && codeOf(answer) !== 'READ_MODEL_TIMEOUT')
          .map(({ answer }) => answer.errors),
      ).toEqual([]);
      sent = answers.map(({ learnerId, via, other, answer }) => ({
        learnerId,
        via,
        other,
        position: positionOf(answer),
      }));
      expect(sent.filter((s) => s.position === null)).toEqual([]);
      for (const gateway of [d.a, d.b]) {
        expect(
          total(await metricsOf(d.service(gateway.name)), 'sooc_graphql_operations_total', { type: 'mutation' }),
        ).toBeGreaterThanOrEqual(APPLICANTS / 2);
      }
    }, 60_000);

    it('lets every applicant read their application through the other gateway at the position their answer named', async () => {
      const read = await Promise.all(
        sent.map(({ learnerId, other, position }) => applicationAt(other, cohortId, learnerId, position!, 30_000)),
      );
      expect(read.filter((application, i) => application?.learnerId !== sent[i].learnerId)).toEqual([]);
    }, 45_000);

    it(`seats exactly ${CAPACITY} and waitlists the other ${APPLICANTS - CAPACITY}, each learner once`, async () => {
      const { dashboard } = await withStatus(
        d,
        settledDashboard(d.b, d.stores.eventStore, cohortId, APPLICANTS, 45_000),
      );
      expect(dashboard).toMatchObject({
        capacity: CAPACITY,
        reserved: CAPACITY,
        confirmed: 0,
        free: 0,
        waitlistLength: APPLICANTS - CAPACITY,
      });
      expect(new Set(dashboard.waitlist.map((w) => w.learnerId)).size).toBe(APPLICANTS - CAPACITY);

      const applications = await applicationsOf(d.b, cohortId);
      expect(new Set(applications.map((a) => a.learnerId)).size).toBe(APPLICANTS);
      expect(tally(applications.map((a) => a.status))).toEqual({
        OFFERED: CAPACITY,
        WAITLISTED: APPLICANTS - CAPACITY,
      });

      const events = await d.stores.eventStore.readAll();
      const seated = ofCohort(events, 'SeatReserved', cohortId).map(learnerOf);
      const waitlisted = ofCohort(events, 'ApplicantWaitlisted', cohortId).map(learnerOf);
      expect(ofCohort(events, 'ApplicationSubmitted', cohortId)).toHaveLength(APPLICANTS);
      expect(new Set([...seated, ...waitlisted]).size).toBe(APPLICANTS);
      expect([seated.length, waitlisted.length]).toEqual([CAPACITY, APPLICANTS - CAPACITY]);
    }, 60_000);

    it('serves the same dashboard through A and B, and pushed the final one to a subscriber on B', async () => {
      const head = (await d.stores.eventStore.headPosition())!;
      const [onA, onB] = await Promise.all([dashboardOf(d.a, cohortId, head), dashboardOf(d.b, cohortId, head)]);
      expect(onA).toEqual(onB);
      const final = { reserved: CAPACITY, confirmed: 0, waitlistLength: APPLICANTS - CAPACITY };
      await expectEventually(() => pushedOnB.at(-1), final, 10_000);
    });

    it('offers a seat withdrawn through A to the first in line, and B reads the withdrawal at its position', async () => {
      const [leaving, next] = [
        await firstWith(d, cohortId, 'OFFERED'),
        (await dashboardOf(d.b, cohortId)).waitlist[0].learnerId,
      ];
      const withdrawn = dataOf(
        d.a,
        await d.a.gql<{ withdrawApplication: { position: string } }>(WITHDRAW, {
          cohortId,
          learnerId: leaving,
          reason: 'moving abroad',
        }),
      );
      expect(await applicationAt(d.b, cohortId, leaving, withdrawn.withdrawApplication.position, 10_000)).toMatchObject(
        { status: 'WITHDRAWN' },
      );
      await expectEventually(
        async () =>
          (await d.b.gql<{ application: Application | null }>(APPLICATION, { cohortId, learnerId: next }, ADMIN)).data
            ?.application?.status,
        'OFFERED',
        15_000,
      );
      expect(await dashboardOf(d.b, cohortId)).toMatchObject({
        reserved: CAPACITY,
        waitlistLength: APPLICANTS - CAPACITY - 1,
      });
    }, 30_000);

    it(`never held more than ${CAPACITY} seats at any point of the cohort's stream`, async () => {
      const held = seatsHeldOverTime(await d.stores.eventStore.readStream(cohortStream(cohortId)));
      expect(Math.max(...held)).toBe(CAPACITY);
      expect(held.at(-1)).toBe(CAPACITY);
    });

    it('stops all four gracefully on SIGTERM', async () => {
      const exits = await d.stop();
      expect(exits).toEqual({
        'gateway A': { code: 0, signal: null },
        'gateway B': { code: 0, signal: null },
        projector: { code: 0, signal: null },
        reactor: { code: 0, signal: null },
      });
    }, 30_000);
  },
);

const codeOf = (answer: GraphQLResponse<unknown>) => answer.errors?.[0]?.extensions?.['code'];

/** The position of the write: in the data, or in the READ_MODEL_TIMEOUT error that reports it. */
function positionOf(answer: GraphQLResponse<{ submitApplication: { position: string } }>): string | null {
  if (answer.data?.submitApplication) return answer.data.submitApplication.position;
  const position = answer.errors?.[0]?.extensions?.['position'];
  return typeof position === 'string' ? position : null;
}

/**
 * The application as `client` shows it once its read models reached `position`, asking again
 * while it answers READ_MODEL_TIMEOUT (what that error tells a client to do), up to `timeoutMs`.
 */
async function applicationAt(
  client: GatewayClient,
  cohortId: string,
  learnerId: string,
  position: string,
  timeoutMs: number,
): Promise<Application | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await client.gql<{ application: Application | null }>(
      APPLICATION,
      { cohortId, learnerId, at: position },
      ADMIN,
    );
    if (codeOf(answer) !== 'READ_MODEL_TIMEOUT' || Date.now() > deadline) return dataOf(client, answer).application;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A failure that also says which processes still run, and what a dead one printed. */
function withStatus<T>(d: Deployment, promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => {
    throw new Error(`${errorMessage(error)}\n${d.status()}`);
  });
}

function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

async function firstWith(d: Deployment, cohortId: string, status: string): Promise<string> {
  const found = (await applicationsOf(d.b, cohortId)).find((a) => a.status === status);
  if (!found) throw new Error(`no application is ${status}`);
  return found.learnerId;
}

/** Polls until `read` returns something equal to `expected`; fails with the last value after `timeoutMs`. */
async function expectEventually<T>(read: () => T | Promise<T>, expected: unknown, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!isDeepStrictEqual(last, expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  expect(last).toEqual(expected);
}
