import type { Persona } from '@sooc/auth/testing';
import { verifyStandardWebhook, WebhookReceiver } from '@sooc/partners-feed/testing';
import { filesHolding } from '@sooc/runtime/testing';
import { until } from '@sooc/util/testing';
import { openCohort, submit } from './enrollment.fixture';
import { startGateway, type GraphQLResponse, type Harness } from './gateway.harness';

const ACME: Persona = { role: 'partner', subject: 'acme-hr', companyId: 'acme' };
const GLOBEX: Persona = { role: 'partner', subject: 'globex-hr', companyId: 'globex' };
const REGISTER = `mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { position } }`;
const ADD = `mutation($input: AddWebhookEndpointInput!) { addWebhookEndpoint(input: $input) { position secret endpoint { endpointId } } }`;
const ROTATE = `mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { secret previousSecretValidUntil } }`;
const EVENTS = `query($companyId: ID, $after: String, $first: Int) { partnerEvents(companyId: $companyId, after: $after, first: $first) {
  edges { cursor node { id type subject time data } } pageInfo { hasNextPage endCursor } } }`;
const STREAM = `subscription($after: String) { partnerEventStream(after: $after) { cursor node { id type data } } }`;
const ENDPOINTS = `query($partnerId: ID!) { webhookEndpoints(partnerId: $partnerId) { endpointId status disabledReason } }`;
const DELIVERIES = `query($partnerId: ID!, $endpointId: ID!) { webhookDeliveries(partnerId: $partnerId, endpointId: $endpointId) { nodes { eventId position status attempts { statusCode } } } }`;
const REPLAY = `mutation($input: ReplayWebhookDeliveriesInput!) { replayWebhookDeliveries(input: $input) { replay { replayId } } }`;

type Edge = { cursor: string; node: { id: string; type: string; subject: string; data: Record<string, unknown> } };
type Page = { partnerEvents: { edges: Edge[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

function ok<T>(answer: GraphQLResponse<T>): T {
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data as T;
}

describe("a partner company's feed: pulled, streamed live, and its webhooks signed through a rotation", () => {
  let h: Harness;
  let cohortId: string;
  const all = async (as: Persona, first = 500) => ok(await h.gql<Page>(EVENTS, { first }, as)).partnerEvents.edges;

  beforeAll(async () => {
    h = await startGateway({
      SOOC_WEBHOOK_ALLOW_PRIVATE: 'true',
      SOOC_WEBHOOK_TICK_MS: '20',
      // Retries a thousand times sooner; an endpoint failing for a second is disabled.
      SOOC_WEBHOOK_RETRY_SCALE: '0.001',
      SOOC_WEBHOOK_DISABLE_AFTER_MS: '1000',
    });
    ok(
      await h.gql(REGISTER, {
        input: { partnerId: 'p-acme', companyId: 'acme', name: 'Acme', contact: 'hr@acme.example' },
      }),
    );
    ok(
      await h.gql(REGISTER, {
        input: { partnerId: 'p-globex', companyId: 'globex', name: 'Globex', contact: 'hr@globex.example' },
      }),
    );
    cohortId = await openCohort(h, { selectionPolicy: 'FIRST_COME', capacity: 2 });
    ok(await submit(h, cohortId, 'ada', { companyId: 'acme', shareWithCompany: true }));
    ok(await submit(h, cohortId, 'bob', { companyId: 'acme' }));
    ok(await submit(h, cohortId, 'cyd', { companyId: 'globex', shareWithCompany: true }));
    ok(await submit(h, cohortId, 'dan', { companyId: null }));
    // Each application submitted, admitted, then offered or waitlisted: wait for the reactor.
    // Both feeds: cyd's events may come after acme's sixth in the log (the reactor's answers to
    // bob are not ordered with cyd's submission), so acme's feed being full says nothing of globex's.
    await until("acme's six events", async () => ((await all(ACME)).length >= 6 ? true : null));
    await until("globex's events of cyd", async () =>
      JSON.stringify(await all(GLOBEX)).includes('cyd') ? true : null,
    );
  });
  afterAll(() => h?.close());

  it('gives each partner its own people only, named with their consent, in pages that resume by cursor', async () => {
    const acme = await all(ACME);
    expect(acme.every((e) => e.node.subject === `cohort/${cohortId}`)).toBe(true);
    expect(new Set(acme.map((e) => e.node.data['learnerId']))).toEqual(new Set(['ada', undefined]));
    expect(acme.filter((e) => e.node.type.endsWith('.application-submitted.v1'))).toHaveLength(2);
    expect(JSON.stringify(acme)).not.toMatch(/cyd|dan|globex|motivation/);
    const globex = await all(GLOBEX);
    expect(JSON.stringify(globex)).toContain('cyd');
    expect(JSON.stringify(globex)).not.toMatch(/ada|bob|dan|"acme"/);

    // Pages of two, each after the last cursor, make the whole feed: nothing skipped, nothing twice.
    const paged: Edge[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page['partnerEvents'] = ok(await h.gql<Page>(EVENTS, { first: 2, after }, ACME)).partnerEvents;
      paged.push(...page.edges);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged.map((e) => e.node.id)).toEqual(acme.map((e) => e.node.id));

    // Another company's feed is refused; an admin names the company; a made-up cursor is bad input.
    const other = await h.gql(EVENTS, { companyId: 'globex' }, ACME);
    expect(other.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const unnamed = await h.gql(EVENTS, {});
    expect(unnamed.errors?.[0]?.extensions).toMatchObject({ code: 'PARTNER.COMPANY_REQUIRED' });
    expect(ok(await h.gql<Page>(EVENTS, { companyId: 'acme' })).partnerEvents.edges.map((e) => e.node.id)).toEqual(
      acme.map((e) => e.node.id),
    );
    const forged = await h.gql(EVENTS, { after: 'not-a-cursor' }, ACME);
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'PARTNER.CURSOR_INVALID' });
  });

  it('streams the history from a cursor, then what happens next, with no gap and no duplicate at the switch', async () => {
    const before = await all(ACME);
    const from = before[1]!.cursor;
    const client = h.wsClient(ACME);
    const got: Edge[] = [];
    const dispose = client.subscribe<{ partnerEventStream: Edge }>(
      { query: STREAM, variables: { after: from } },
      {
        next: (m) => m.data && got.push(m.data.partnerEventStream),
        error: (e) => got.push({ error: e } as never),
        complete: () => undefined,
      },
    );
    await until('the history', () => (got.length >= before.length - 2 ? true : null), 5_000).catch((e: unknown) => {
      throw new Error(`${String(e)}: ${JSON.stringify(got)}`);
    });
    // New events while it streams.
    ok(await submit(h, cohortId, 'eve', { companyId: 'acme', shareWithCompany: true }));
    ok(await submit(h, cohortId, 'fay', { companyId: 'globex' }));
    const now = await until('the live events', async () => {
      const feed = await all(ACME);
      // eve's application, then the reactor's answer to it (an offer or a place on the waitlist).
      const answered = feed.some(
        (e) => e.node.data['learnerId'] === 'eve' && !e.node.type.endsWith('.application-submitted.v1'),
      );
      return answered && got.length >= feed.length - 2 ? feed : null;
    });
    dispose();
    expect(got.map((e) => e.node.id)).toEqual(now.slice(2).map((e) => e.node.id));
    expect(JSON.stringify(got)).not.toContain('fay');
  });

  it('signs with both secrets during a rotation overlap, with the new one only after it, and logs each delivery', async () => {
    let secrets: string[] = [];
    const receiver = await WebhookReceiver.start(() => secrets);
    try {
      const added = ok(
        await h.gql<{ addWebhookEndpoint: { secret: string } }>(
          ADD,
          {
            input: { partnerId: 'p-acme', endpointId: 'ep-rot', url: receiver.url, eventTypes: [], description: 'HR' },
          },
          ACME,
        ),
      );
      const old = added.addWebhookEndpoint.secret;
      const rotated = ok(
        await h.gql<{ rotateWebhookSecret: { secret: string; previousSecretValidUntil: string } }>(
          ROTATE,
          { input: { partnerId: 'p-acme', endpointId: 'ep-rot', overlapSeconds: 3 } },
          ACME,
        ),
      ).rotateWebhookSecret;
      secrets = [old, rotated.secret];
      const verifies = (r: (typeof receiver.received)[number], secret: string) => {
        const headers = JSON.parse(r.headers) as Record<string, string>;
        return verifyStandardWebhook(headers, r.body, secret).ok;
      };
      ok(await submit(h, cohortId, 'gus', { companyId: 'acme', shareWithCompany: true }));
      const during = await until(
        'a delivery in the overlap',
        () => receiver.received.find((r) => r.body.includes('"gus"')) ?? null,
      );
      expect([verifies(during, old), verifies(during, rotated.secret)]).toEqual([true, true]);

      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, Date.parse(rotated.previousSecretValidUntil) - Date.now()) + 200),
      );
      ok(await submit(h, cohortId, 'hal', { companyId: 'acme', shareWithCompany: true }));
      const after = await until(
        'a delivery after the overlap',
        () => receiver.received.find((r) => r.body.includes('"hal"')) ?? null,
      );
      expect([verifies(after, old), verifies(after, rotated.secret)]).toEqual([false, true]);
      // They sign, yet no file of the stores holds either in clear, nor the partner's contact: the events keep them sealed.
      expect(filesHolding(h.dataDir, [old, rotated.secret, 'hr@acme.example'])).toEqual([]);

      // The log records the answer just after the receiver gave it.
      const logged = await until('the delivery log', async () => {
        const log = ok(
          await h.gql<{ webhookDeliveries: { nodes: { eventId: string; position: string; status: string }[] } }>(
            DELIVERIES,
            { partnerId: 'p-acme', endpointId: 'ep-rot' },
            ACME,
          ),
        ).webhookDeliveries.nodes;
        return log.find((d) => d.eventId === during.id && d.status === 'delivered') ?? null;
      });
      // Its position is where a replay re-sends it from, with the same webhook-id.
      ok(
        await h.gql(
          REPLAY,
          { input: { partnerId: 'p-acme', endpointId: 'ep-rot', fromPosition: logged.position } },
          ACME,
        ),
      );
      await until('the message replayed from its logged position', () =>
        receiver.received.filter((r) => r.id === during.id).length >= 2 ? true : null,
      );
      const foreign = await h.gql(DELIVERIES, { partnerId: 'p-acme', endpointId: 'ep-rot' }, GLOBEX);
      expect(foreign.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    } finally {
      await receiver.down();
    }
  });

  it('disables an endpoint whose receiver answers 410 Gone, or that fails for too long, and tells the partner why', async () => {
    const gone = await WebhookReceiver.start(() => []);
    const failing = await WebhookReceiver.start(() => []);
    gone.behaviour = { kind: 'status', status: 410 };
    failing.behaviour = { kind: 'status', status: 500 };
    try {
      for (const [endpointId, receiver] of [
        ['ep-gone', gone],
        ['ep-failing', failing],
      ] as const)
        ok(
          await h.gql(
            ADD,
            { input: { partnerId: 'p-acme', endpointId, url: receiver.url, eventTypes: [], description: 'HR' } },
            ACME,
          ),
        );
      ok(await submit(h, cohortId, 'ida', { companyId: 'acme', shareWithCompany: true }));
      const endpoints = await until('both endpoints disabled', async () => {
        const list = ok(
          await h.gql<{ webhookEndpoints: { endpointId: string; status: string; disabledReason: string | null }[] }>(
            ENDPOINTS,
            { partnerId: 'p-acme' },
            ACME,
          ),
        ).webhookEndpoints;
        const byId = Object.fromEntries(list.map((e) => [e.endpointId, e]));
        return byId['ep-gone']?.status === 'DISABLED' && byId['ep-failing']?.status === 'DISABLED' ? byId : null;
      });
      expect(endpoints['ep-gone']?.disabledReason).toBe('the receiver answered 410 Gone');
      expect(endpoints['ep-failing']?.disabledReason).toMatch(/^every delivery failed since .+ \(last: HTTP 500\)$/);
      // Disabled, they are sent nothing more.
      const tried = gone.received.length + failing.received.length;
      ok(await submit(h, cohortId, 'jon', { companyId: 'acme', shareWithCompany: true }));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(gone.received.length + failing.received.length).toBe(tried);
      // Another company's partner learns nothing of them.
      const foreign = await h.gql(ENDPOINTS, { partnerId: 'p-acme' }, GLOBEX);
      expect(foreign.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    } finally {
      await gone.down();
      await failing.down();
    }
  });
});
