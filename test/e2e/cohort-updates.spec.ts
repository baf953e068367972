import { CLOSE, OPEN, draftCourse, planCohort } from './cohorts.fixtures';
import { startGateway, type Harness } from './gateway.harness';

interface Update {
  cohortUpdated: { id: string; status: string; position: string };
}

/** Collects the next `count` messages of a subscription over a real graphql-ws connection. */
function collect(h: Harness, query: string, variables: Record<string, unknown>, count: number) {
  const client = h.wsClient();
  const received: Update[] = [];
  let ready!: () => void;
  const connected = new Promise<void>((resolve) => (ready = resolve));
  client.on('connected', () => ready());
  const done = new Promise<Update[]>((resolve, reject) => {
    const unsubscribe = client.subscribe<Update>(
      { query, variables },
      {
        next: (message) => {
          if (message.errors) reject(new Error(JSON.stringify(message.errors)));
          received.push(message.data!);
          if (received.length === count) {
            unsubscribe();
            resolve(received);
          }
        },
        error: reject,
        complete: () => resolve(received),
      },
    );
  });
  return { connected, done };
}

const SUBSCRIPTION = 'subscription Updates($id: ID!) { cohortUpdated(id: $id) { id status position } }';

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
    const { connected, done } = collect(h, SUBSCRIPTION, { id: cohortId }, 2);
    await connected;
    // The server registers the subscription right after the connection ack; give it that turn.
    await new Promise((resolve) => setTimeout(resolve, 100));

    await h.gql(OPEN, { cohortId: other });
    const opened = await h.gql<{ openApplications: { position: string } }>(OPEN, { cohortId });
    const closed = await h.gql<{ closeApplications: { position: string } }>(CLOSE, { cohortId });

    const updates = await done;
    expect(updates).toEqual([
      { cohortUpdated: { id: cohortId, status: 'OPEN', position: opened.data!.openApplications.position } },
      { cohortUpdated: { id: cohortId, status: 'CLOSED', position: closed.data!.closeApplications.position } },
    ]);
  });

  it('refuses an invalid subscription with GraphQL validation code', async () => {
    const client = h.wsClient();
    const error = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: 'subscription { cohortUpdated(id: "x") { nope } }' }, { next: () => undefined, error: resolve, complete: () => resolve(null) });
    });
    expect(error).toEqual([expect.objectContaining({ message: 'Cannot query field "nope" on type "Cohort".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
  });
});

describe('shutdown with a subscriber connected', () => {
  it('ends the subscription and closes instead of waiting for the client', async () => {
    const h = await startGateway();
    const courseId = await draftCourse(h);
    const cohortId = await planCohort(h, courseId);
    const client = h.wsClient();
    const ended = new Promise<string>((resolve) => {
      client.subscribe({ query: SUBSCRIPTION, variables: { id: cohortId } }, { next: () => undefined, error: () => resolve('error'), complete: () => resolve('complete') });
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await h.gateway.close();
    expect(await ended).toMatch(/error|complete/);
    expect(Date.now() - started).toBeLessThan(5_000);
    await h.close();
  });
});
