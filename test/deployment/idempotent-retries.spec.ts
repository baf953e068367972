import { request } from 'node:http';
import { loadOrCreateLocalKey, mintLocalToken } from '@sooc/auth';
import { enrollmentStream } from '@sooc/enrollment-domain';
import type { EventStore } from '@sooc/event-sourcing';
import { until } from '@sooc/util/testing';
import { startDeployment, type Deployment } from './deployment.harness';
import type { StoreSetup } from './deployment.stores';
import { asHarness, draftCourse, OPEN, planCohort, submission } from './e2e.documents';
import { dataOf, type GatewayClient, type GraphQLResponse } from './gateway.client';

/** Only fields the write itself answers: a resend must answer them exactly as the first send did. */
const SUBMIT_KEYED = `mutation Submit($input: SubmitApplicationInput!, $key: String) {
  submitApplication(input: $input, idempotencyKey: $key) {
    position
    application { id reference enrollmentId learnerId status level motivation submittedAt eligible }
  }
}`;

const SENDS = 20;

describe.each<StoreSetup>(['sqlite', 'esdb+postgres'])(
  'on %s: a mutation sent again with its idempotency key, to two gateway processes',
  (setup) => {
    let d: Deployment;
    let cohortId: string;

    beforeAll(async () => {
      d = await startDeployment(setup);
      const courseId = await draftCourse(asHarness(d.a), { selectionPolicy: 'FIRST_COME', prerequisites: [] });
      cohortId = await planCohort(asHarness(d.a), courseId, { capacity: 10 });
      dataOf(d.a, await d.a.gql(OPEN, { cohortId }));
    }, 90_000);

    afterAll(() => d?.dispose());

    const keyed = (learnerId: string, key: string) => ({ ...submission(cohortId, learnerId), key });
    const sendTwenty = (variables: Record<string, unknown>) =>
      Promise.all(Array.from({ length: SENDS }, (_, i) => (i % 2 === 0 ? d.a : d.b).gql(SUBMIT_KEYED, variables)));

    it(`writes one application and gives ${SENDS} identical answers to ${SENDS} concurrent sends, half to each gateway`, async () => {
      const answers = await sendTwenty(keyed('learner-concurrent', 'key-concurrent'));
      expect(answers.filter((answer) => answer.errors)).toEqual([]);
      for (const answer of answers) expect(answer).toEqual(answers[0]);
      const stored = await streamOf(d.stores.eventStore, cohortId, 'learner-concurrent');
      expect(stored.filter((e) => e.type === 'ApplicationSubmitted')).toHaveLength(1);
      expect(submitted(answers[0]).position).toBe(String(stored[0].position));
      expect(submitted(answers[0]).application).toMatchObject({
        learnerId: 'learner-concurrent',
        motivation: 'I want to learn, says learner-concurrent',
      });
    }, 60_000);

    it(`answers ${SENDS} resends after a dropped connection as the lost answer would have, and writes nothing more`, async () => {
      const variables = keyed('learner-dropped', 'key-dropped');
      await sendAndDrop(
        d.a,
        variables,
        d.stores.dataDir,
        async () => (await streamOf(d.stores.eventStore, cohortId, 'learner-dropped')).length > 0,
      );
      const answers = await sendTwenty(variables);
      expect(answers.filter((answer) => answer.errors)).toEqual([]);
      for (const answer of answers) expect(answer).toEqual(answers[0]);
      const stored = await streamOf(d.stores.eventStore, cohortId, 'learner-dropped');
      expect(stored.filter((e) => e.type === 'ApplicationSubmitted')).toHaveLength(1);
      expect(submitted(answers[0]).position).toBe(String(stored[0].position));
      expect(submitted(answers[0]).application.submittedAt).toBe(stored[0].metadata.occurredAt);
    }, 60_000);

    it('refuses the used key with other arguments (IDEMPOTENCY_KEY_REUSED), on either gateway, and writes nothing', async () => {
      const before = (await d.stores.eventStore.readAll()).length;
      for (const gateway of [d.a, d.b]) {
        const answer = await gateway.gql(SUBMIT_KEYED, keyed('learner-other', 'key-dropped'));
        expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', category: 'CONFLICT' });
      }
      expect(await streamOf(d.stores.eventStore, cohortId, 'learner-other')).toEqual([]);
      expect((await d.stores.eventStore.readAll()).length).toBe(before);
    });

    it('refuses a key that is not 1 to 200 visible characters, naming the argument', async () => {
      const answer = await d.a.gql(SUBMIT_KEYED, keyed('learner-bad-key', 'has spaces in it'));
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'IDEMPOTENCY_KEY_INVALID',
        category: 'BAD_USER_INPUT',
        fields: [{ field: 'idempotencyKey' }],
      });
      expect(await streamOf(d.stores.eventStore, cohortId, 'learner-bad-key')).toEqual([]);
    });

    it('without a key, answers a resend once the application moved on with a refusal: what the key is for', async () => {
      const plain = { ...submission(cohortId, 'learner-unkeyed'), key: null };
      expect(submitted(await d.a.gql(SUBMIT_KEYED, plain)).position).not.toBeNull();
      // The reactor admits it (first come): deciding the submission again now refuses it.
      await until(
        'the reactor to admit the unkeyed submission',
        async () => (await streamOf(d.stores.eventStore, cohortId, 'learner-unkeyed')).length > 1,
        { timeoutMs: 30_000, intervalMs: 100 },
      );
      const again = await d.b.gql(SUBMIT_KEYED, plain);
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'ENROLLMENT.ALREADY_SUBMITTED' });
    });
  },
);

type Submitted = { position: string | null; application: Record<string, unknown> };

function submitted(answer: GraphQLResponse): Submitted {
  return (answer.data as { submitApplication: Submitted }).submitApplication;
}

async function streamOf(store: EventStore, cohortId: string, learnerId: string) {
  return store.readStream(enrollmentStream(cohortId, learnerId));
}

/**
 * Sends the mutation and closes the socket once its write is in the store, never reading the
 * answer: the answer is lost, the write is not. Closed as soon as the request was out, the socket
 * sometimes closed before the gateway had read the body, so nothing was written, and the resends
 * alone made the write (a poller that gave up silently hid it).
 */
async function sendAndDrop(
  gateway: GatewayClient,
  variables: Record<string, unknown>,
  dataDir: string,
  written: () => Promise<boolean>,
) {
  const token = await mintLocalToken(await loadOrCreateLocalKey(dataDir), { role: 'admin', subject: 'admin-1' });
  const body = JSON.stringify({ query: SUBMIT_KEYED, variables });
  const sent = request(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });
  sent.on('error', () => undefined);
  sent.end(body);
  try {
    await until("the dropped request's write", written, { timeoutMs: 30_000, intervalMs: 5 });
  } finally {
    sent.destroy();
  }
}
