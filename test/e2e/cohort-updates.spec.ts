import { CohortUpdatesPublisher } from '@sooc/cohorts-api';
import { CLOSE, OPEN, draftCourse, planCohort } from './cohorts.fixture';
import { startGateway, type Harness } from './gateway.harness';

interface Update {
  cohortUpdated: { cohortId: string; status: string; position: string };
}

/** A subscription over a real graphql-ws connection, read one message at a time. */
function subscribe(h: Harness, query: string, variables: Record<string, unknown>) {
  const client = h.wsClient();
  const queue: Update[] = [];
  const waiting: ((update: Update) => void)[] = [];
  let failure: unknown = null;
  const unsubscribe = client.subscribe<Update>(
    { query, variables },
    {
      next: (message) => {
        if (message.errors) failure = message.errors;
        const waiter = waiting.shift();
        if (waiter) waiter(message.data!);
        else queue.push(message.data!);
      },
      error: (error) => (failure = error),
      complete: () => undefined,
    },
  );
  return {
    unsubscribe,
    next(): Promise<Update> {
      if (failure) return Promise.reject(failure);
      const queued = queue.shift();
      return queued ? Promise.resolve(queued) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

/** Resolves once the server has registered the subscription, so no update can slip past it. */
async function watched(h: Harness, cohortId: string): Promise<void> {
  const publisher = h.gateway.app.get(CohortUpdatesPublisher);
  for (let waited = 0; publisher.watchers(cohortId) === 0; waited += 10) {
    if (waited > 10_000) throw new Error(`no subscription to ${cohortId} registered`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const SUBSCRIPTION = 'subscription Updates($id: ID!) { cohortUpdated(cohortId: $id) { cohortId status position } }';

describe('cohortUpdated over graphql-ws', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startGateway();
  });
  afterAll(() => h.close());

  it('pushes the cohort as the read model shows it after opening and closing', async () => {
    const courseId = await draftCourse(h);
    const cohortId = await planCohort(h, courseId);
    const other = await planCohort(h, courseId);
    const updates = subscribe(h, SUBSCRIPTION, { id: cohortId });
    await watched(h, cohortId);

    // Another cohort's change must not reach this subscriber: the next message is about ours.
    await h.gql(OPEN, { cohortId: other });
    const opened = await h.gql<{ openApplications: { position: string } }>(OPEN, { cohortId });
    expect(await updates.next()).toEqual({
      cohortUpdated: { cohortId, status: 'OPEN', position: opened.data!.openApplications.position },
    });
    const closed = await h.gql<{ closeApplications: { position: string } }>(CLOSE, { cohortId });
    expect(await updates.next()).toEqual({
      cohortUpdated: { cohortId, status: 'CLOSED', position: closed.data!.closeApplications.position },
    });

    updates.unsubscribe();
    const publisher = h.gateway.app.get(CohortUpdatesPublisher);
    for (let waited = 0; publisher.watchers(cohortId) > 0 && waited < 5_000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(publisher.watchers(cohortId)).toBe(0);
  });

  it('refuses an invalid subscription with GraphQL validation code', async () => {
    const client = h.wsClient();
    const error = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: 'subscription { cohortUpdated(cohortId: "x") { nope } }' },
        { next: () => undefined, error: resolve, complete: () => resolve(null) },
      );
    });
    expect(error).toEqual([
      expect.objectContaining({
        message: 'Cannot query field "nope" on type "Cohort".',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
  });
});

describe('shutdown with a subscriber connected', () => {
  it('ends the subscription and closes instead of waiting for the client', async () => {
    const h = await startGateway();
    const courseId = await draftCourse(h);
    const cohortId = await planCohort(h, courseId);
    const client = h.wsClient();
    const ended = new Promise<string>((resolve) => {
      client.subscribe(
        { query: SUBSCRIPTION, variables: { id: cohortId } },
        { next: () => undefined, error: () => resolve('error'), complete: () => resolve('complete') },
      );
    });
    await watched(h, cohortId);
    const started = Date.now();
    await h.gateway.close();
    expect(await ended).toMatch(/error|complete/);
    expect(Date.now() - started).toBeLessThan(5_000);
    await h.close();
  });
});
