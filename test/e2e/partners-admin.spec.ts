import type { Persona } from '@sooc/auth/testing';
import { signWebhook } from '@sooc/partners-feed';
import { verifyStandardWebhook } from '@sooc/partners-feed/testing';
import { startGateway, type GraphQLResponse, type Harness } from './gateway.harness';

/**
 * The partners' mutations as a client meets them: registering a partner, its webhook endpoints
 * and their secrets, who may act on which partner, bad input, and the URLs a webhook may never
 * reach (SSRF), each through GraphQL on a real gateway.
 */
const ACME: Persona = { role: 'partner', subject: 'acme-hr', companyId: 'acme' };
const GLOBEX: Persona = { role: 'partner', subject: 'globex-hr', companyId: 'globex' };
const LEARNER: Persona = { role: 'learner', subject: 'ada', learnerId: 'ada' };
const REVIEWER: Persona = { role: 'reviewer', subject: 'rev-1', cohorts: ['c-1'] };

const ENDPOINT = 'endpoint { partnerId endpointId url eventTypes description status disabledReason }';
const REGISTER = `mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { position partner { partnerId companyId name contact status suspendedReason } } }`;
const SUSPEND = `mutation($input: SuspendPartnerInput!) { suspendPartner(input: $input) { position partner { status suspendedReason } } }`;
const RESUME = `mutation($input: ResumePartnerInput!) { resumePartner(input: $input) { position partner { status suspendedReason } } }`;
const ADD = `mutation($input: AddWebhookEndpointInput!) { addWebhookEndpoint(input: $input) { position secret ${ENDPOINT} } }`;
const ROTATE = `mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { position secret previousSecretValidUntil ${ENDPOINT} } }`;
const DISABLE = `mutation($input: DisableWebhookEndpointInput!) { disableWebhookEndpoint(input: $input) { position ${ENDPOINT} } }`;
const ENABLE = `mutation($input: EnableWebhookEndpointInput!) { enableWebhookEndpoint(input: $input) { position ${ENDPOINT} } }`;
const REMOVE = `mutation($input: RemoveWebhookEndpointInput!) { removeWebhookEndpoint(input: $input) { position ${ENDPOINT} } }`;
const REPLAY = `mutation($input: ReplayWebhookDeliveriesInput!) { replayWebhookDeliveries(input: $input) { position replay { replayId endpointId fromPosition fromTime } } }`;

type Data = Record<string, Record<string, unknown> & { endpoint: Record<string, unknown> }>;
const partnerInput = (partnerId: string, companyId: string) => ({
  partnerId,
  companyId,
  name: `${companyId} Training`,
  contact: `hr@${companyId}.example`,
});
const errorOf = (answer: GraphQLResponse) => answer.errors?.[0];

/** A message signed with the given secrets, checked as a receiver holding `secret` checks it. */
function verifies(secret: string, signedWith: readonly string[]): boolean {
  const message = { msgId: 'evt_1', timestamp: new Date(), payload: '{"type":"org.sooc.enrollment.seat-offered.v1"}' };
  return verifyStandardWebhook(signWebhook(message, signedWith), message.payload, secret).ok;
}

describe('partners and their webhook endpoints, through GraphQL', () => {
  let h: Harness;
  let port: number;
  beforeAll(async () => {
    h = await startGateway({ SOOC_WEBHOOK_ALLOW_PRIVATE: 'true' });
    port = h.gateway.port;
  });
  afterAll(() => h.close());

  const add = (partnerId: string, extra: Record<string, unknown> = {}, as?: Persona) =>
    h.gql<Data>(ADD, { input: { partnerId, url: `http://127.0.0.1:${port}/hooks`, ...extra } }, as);

  it('registers, suspends and resumes a partner (admins)', async () => {
    const registered = await h.gql<Data>(REGISTER, { input: partnerInput('p-acme', 'acme') });
    expect(registered.data!['registerPartner']).toEqual({
      position: expect.any(String),
      partner: {
        partnerId: 'p-acme',
        companyId: 'acme',
        name: 'acme Training',
        contact: 'hr@acme.example',
        status: 'ACTIVE',
        suspendedReason: null,
      },
    });
    const again = await h.gql(REGISTER, { input: partnerInput('p-acme', 'acme') });
    expect(errorOf(again)?.extensions).toMatchObject({ code: 'PARTNER.ALREADY_REGISTERED', category: 'CONFLICT' });

    const suspended = await h.gql<Data>(SUSPEND, { input: { partnerId: 'p-acme', reason: 'invoice unpaid' } });
    expect(suspended.data!['suspendPartner']!['partner']).toEqual({
      status: 'SUSPENDED',
      suspendedReason: 'invoice unpaid',
    });
    const refused = await add('p-acme');
    expect(errorOf(refused)?.extensions).toMatchObject({ code: 'PARTNER.SUSPENDED', category: 'CONFLICT' });
    const resumed = await h.gql<Data>(RESUME, { input: { partnerId: 'p-acme', reason: 'paid' } });
    expect(resumed.data!['resumePartner']!['partner']).toEqual({ status: 'ACTIVE', suspendedReason: null });
    await h.gql(REGISTER, { input: partnerInput('p-globex', 'globex') });
  });

  it('lists every partner to admins, and to a partner token only its own company’s', async () => {
    const PARTNERS = '{ partners { partnerId companyId name status } }';
    const ids = async (as?: Persona) => {
      const answer = await h.gql<{ partners: { partnerId: string }[] }>(PARTNERS, {}, as);
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      return answer.data!.partners.map((p) => p.partnerId);
    };
    // The list is a read model: it follows the registrations within moments.
    for (let tries = 0; (await ids()).length < 2 && tries < 200; tries++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect(await ids()).toEqual(['p-acme', 'p-globex']);
    expect(await ids(ACME)).toEqual(['p-acme']);
    expect(await ids(GLOBEX)).toEqual(['p-globex']);
    expect(await ids({ role: 'partner', subject: 'initech-hr', companyId: 'initech' })).toEqual([]);
    expect(errorOf(await h.gql(PARTNERS, {}, LEARNER))?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('adds an endpoint on loopback (SOOC_WEBHOOK_ALLOW_PRIVATE=true) and shows its secret once', async () => {
    const added = await add('p-acme', {
      description: 'HR system',
      eventTypes: ['org.sooc.enrollment.seat-offered.v1'],
    });
    const payload = added.data!['addWebhookEndpoint']!;
    expect(payload['endpoint']).toEqual({
      partnerId: 'p-acme',
      endpointId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      url: `http://127.0.0.1:${port}/hooks`,
      eventTypes: ['org.sooc.enrollment.seat-offered.v1'],
      description: 'HR system',
      status: 'ENABLED',
      disabledReason: null,
    });
    const secret = payload['secret'] as string;
    expect(Buffer.from(secret.replace(/^whsec_/, ''), 'base64')).toHaveLength(32);
    expect(verifies(secret, [secret])).toBe(true);
    expect(verifies(secret, ['whsec_' + Buffer.alloc(32, 1).toString('base64')])).toBe(false);

    // Nowhere else in the schema: an endpoint has no secret field, and only add and rotate answer one.
    const types = await h.gql<{ __schema: { types: { name: string; fields: { name: string }[] | null }[] } }>(
      '{ __schema { types { name fields { name } } } }',
    );
    const withSecret = types.data!.__schema.types.filter(
      (t) => t.name !== 'Mutation' && t.fields?.some((f) => /secret/i.test(f.name)),
    );
    expect(withSecret.map((t) => t.name).sort()).toEqual(['AddWebhookEndpointPayload', 'RotateWebhookSecretPayload']);
    const all = await add('p-acme', { endpointId: 'ep-all' });
    expect(all.data!['addWebhookEndpoint']!.endpoint['eventTypes']).toEqual([]);
  });

  it('rotates to a new secret; both sign during the overlap', async () => {
    const added = (await add('p-acme', { endpointId: 'ep-rotate' })).data!['addWebhookEndpoint']!;
    const before = Date.now();
    const rotated = await h.gql<Data>(ROTATE, {
      input: { partnerId: 'p-acme', endpointId: 'ep-rotate', overlapSeconds: 3600 },
    });
    const payload = rotated.data!['rotateWebhookSecret']!;
    const [oldSecret, newSecret] = [added['secret'] as string, payload['secret'] as string];
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(oldSecret);
    const until = Date.parse(payload['previousSecretValidUntil'] as string);
    expect(until - before).toBeGreaterThanOrEqual(3600_000);
    expect(until - Date.now()).toBeLessThanOrEqual(3600_000);
    // The endpoint says how far the rotation is: the previous secret signs until then.
    const listed = await h.gql<{ webhookEndpoints: { endpointId: string; rotationOverlapUntil: string | null }[] }>(
      '{ webhookEndpoints(partnerId: "p-acme") { endpointId rotationOverlapUntil } }',
    );
    const rotation = Object.fromEntries(
      listed.data!.webhookEndpoints.map((e) => [e.endpointId, e.rotationOverlapUntil]),
    );
    expect(rotation['ep-rotate']).toBe(payload['previousSecretValidUntil']);
    expect(rotation['ep-all']).toBeNull();
    // During the overlap a message carries both signatures: a receiver holding either verifies it.
    expect(verifies(oldSecret, [newSecret, oldSecret])).toBe(true);
    expect(verifies(newSecret, [newSecret, oldSecret])).toBe(true);

    const tooLong = await h.gql(ROTATE, {
      input: { partnerId: 'p-acme', endpointId: 'ep-rotate', overlapSeconds: 604_801 },
    });
    expect(errorOf(tooLong)?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'overlapSeconds' }],
    });
  });

  it('disables, enables and removes an endpoint; a removed one cannot come back', async () => {
    await add('p-acme', { endpointId: 'ep-life' });
    const ref = { partnerId: 'p-acme', endpointId: 'ep-life' };
    const disabled = await h.gql<Data>(DISABLE, { input: { ...ref, reason: 'maintenance' } });
    expect(disabled.data!['disableWebhookEndpoint']!.endpoint).toMatchObject({
      status: 'DISABLED',
      disabledReason: 'maintenance',
    });
    const enabled = await h.gql<Data>(ENABLE, { input: ref });
    expect(enabled.data!['enableWebhookEndpoint']!.endpoint).toMatchObject({ status: 'ENABLED', disabledReason: null });
    const repeat = await h.gql<Data>(ENABLE, { input: ref });
    expect(repeat.data!['enableWebhookEndpoint']!['position']).toBeNull();
    const removed = await h.gql<Data>(REMOVE, { input: ref });
    expect(removed.data!['removeWebhookEndpoint']!.endpoint).toMatchObject({ status: 'REMOVED' });
    const back = await h.gql(ENABLE, { input: ref });
    expect(errorOf(back)?.extensions).toMatchObject({ code: 'WEBHOOK_ENDPOINT.REMOVED', category: 'CONFLICT' });
    const replay = await h.gql(REPLAY, { input: { ...ref, fromPosition: '1' } });
    expect(errorOf(replay)?.extensions).toMatchObject({ code: 'WEBHOOK_ENDPOINT.REMOVED', category: 'CONFLICT' });
  });

  it('requests replays from a position or an instant, and refuses both or neither', async () => {
    await add('p-acme', { endpointId: 'ep-replay' });
    const ref = { partnerId: 'p-acme', endpointId: 'ep-replay' };
    const fromPosition = await h.gql<Data>(REPLAY, { input: { ...ref, fromPosition: '3' } });
    expect(fromPosition.data!['replayWebhookDeliveries']).toEqual({
      position: expect.any(String),
      replay: { replayId: expect.any(String), endpointId: 'ep-replay', fromPosition: '3', fromTime: null },
    });
    const fromTime = await h.gql<Data>(REPLAY, {
      input: { ...ref, fromTime: '2026-01-01T00:00:00+01:00', replayId: 'r-1' },
    });
    expect(fromTime.data!['replayWebhookDeliveries']!['replay']).toEqual({
      replayId: 'r-1',
      endpointId: 'ep-replay',
      fromPosition: null,
      fromTime: '2025-12-31T23:00:00.000Z',
    });
    const retried = await h.gql<Data>(REPLAY, { input: { ...ref, fromTime: '2025-12-31T23:00:00Z', replayId: 'r-1' } });
    expect(retried.data!['replayWebhookDeliveries']!['position']).toBeNull();
    const events = (await h.events()).filter((e) => e.type === 'WebhookDeliveriesReplayRequested');
    expect(events.map((e) => e.data)).toEqual([
      { partnerId: 'p-acme', endpointId: 'ep-replay', fromPosition: '3', fromTime: null, replayId: expect.any(String) },
      {
        partnerId: 'p-acme',
        endpointId: 'ep-replay',
        fromPosition: null,
        fromTime: '2025-12-31T23:00:00.000Z',
        replayId: 'r-1',
      },
    ]);

    for (const from of [{}, { fromPosition: '3', fromTime: '2026-01-01T00:00:00Z' }]) {
      const refused = await h.gql(REPLAY, { input: { ...ref, ...from } });
      expect(errorOf(refused)?.extensions).toMatchObject({
        code: 'WEBHOOK_ENDPOINT.REPLAY_FROM_INVALID',
        category: 'BAD_USER_INPUT',
        fields: [{ field: 'fromPosition' }],
      });
    }
  });

  it('lets a partner token act on its own company’s endpoints only; other roles are refused', async () => {
    const own = await add('p-acme', { endpointId: 'ep-own' }, ACME);
    expect(own.errors).toBeUndefined();
    const ref = { partnerId: 'p-acme', endpointId: 'ep-own' };
    const operations: [string, Record<string, unknown>][] = [
      [ROTATE, ref],
      [DISABLE, { ...ref, reason: 'ours' }],
      [ENABLE, ref],
      [REPLAY, { ...ref, fromPosition: '1' }],
      [REMOVE, ref],
    ];
    const before = (await h.events()).length;
    for (const as of [GLOBEX, LEARNER, REVIEWER]) {
      const adding = await add('p-acme', { endpointId: 'ep-theirs' }, as);
      expect(errorOf(adding)?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      for (const [document, input] of operations) {
        const answer = await h.gql(document, { input }, as);
        expect(errorOf(answer)?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      }
    }
    // Another company's partner token is refused alike whether the partner exists or not.
    const missing = await add('p-nobody', {}, GLOBEX);
    expect(errorOf(missing)).toMatchObject(errorOf(await add('p-acme', {}, GLOBEX))!);
    for (const as of [ACME, LEARNER]) {
      const register = await h.gql(REGISTER, { input: partnerInput('p-mine', 'acme') }, as);
      expect(errorOf(register)?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      const suspend = await h.gql(SUSPEND, { input: { partnerId: 'p-globex', reason: 'x' } }, as);
      expect(errorOf(suspend)?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await h.events()).length).toBe(before);

    for (const [document, input] of operations) {
      const answer = await h.gql(document, { input }, ACME);
      expect(answer.errors).toBeUndefined();
    }
  });

  it('refuses bad input with the fields named, and writes nothing', async () => {
    const before = (await h.events()).length;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ url: 'not a url' }, 'WEBHOOK_ENDPOINT.URL_REFUSED', 'url'],
      [{ url: 'ftp://127.0.0.1/in' }, 'WEBHOOK_ENDPOINT.URL_REFUSED', 'url'],
      [{ eventTypes: ['SeatOffered'] }, 'WEBHOOK_ENDPOINT.EVENT_TYPES_INVALID', 'eventTypes[0]'],
      [{ url: undefined }, 'BAD_USER_INPUT', 'url'],
      [{ partnerId: 'has spaces' }, 'BAD_USER_INPUT', 'partnerId'],
      // GraphQL takes a single value for a list as a list of one: ["all"], not a keyword.
      [{ eventTypes: 'all' }, 'WEBHOOK_ENDPOINT.EVENT_TYPES_INVALID', 'eventTypes[0]'],
      [{ eventTypes: [7] }, 'BAD_USER_INPUT', 'eventTypes[0]'],
    ];
    for (const [input, code, field] of cases) {
      const answer = await add('p-acme', input);
      expect({ input, extensions: errorOf(answer)?.extensions }).toMatchObject({
        input,
        extensions: { code, category: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field })] },
      });
    }
    // GraphQL reports each missing field as an error of its own.
    const missing = await h.gql(REGISTER, { input: { partnerId: 'p-x', companyId: 'x' } });
    const fields = (missing.errors ?? []).flatMap((e) => {
      expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      return (e.extensions?.['fields'] as { field: string }[]).map((f) => f.field);
    });
    expect(fields.sort()).toEqual(['contact', 'name']);
    const badContact = await h.gql(REGISTER, { input: { ...partnerInput('p-x', 'x'), contact: 'nobody' } });
    expect(errorOf(badContact)?.extensions).toMatchObject({
      code: 'PARTNER.CONTACT_INVALID',
      fields: [{ field: 'contact' }],
    });
    expect((await h.events()).length).toBe(before);
  });
});

describe('webhook URLs a gateway refuses (SSRF), named in the error', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startGateway();
    await h.gql(REGISTER, { input: partnerInput('p-acme', 'acme') });
  });
  afterAll(() => h.close());

  it.each([
    ['http://127.0.0.1:8080/in', 'loopback', '127.0.0.1'],
    ['http://[::1]:8080/in', 'loopback', '::1'],
    ['http://localhost:8080/in', 'loopback', ''],
    ['https://10.1.2.3/in', 'private', '10.1.2.3'],
    ['https://192.168.1.20/in', 'private', '192.168.1.20'],
    ['https://169.254.10.10/in', 'link-local', '169.254.10.10'],
    ['http://169.254.169.254/latest/meta-data', 'metadata', '169.254.169.254'],
    // The URL parser writes an IPv4-mapped address in hex; the policy checks the IPv4 address inside.
    ['http://[::ffff:10.0.0.1]/in', 'private', '::ffff:a00:1'],
  ])('refuses %s: a %s address', async (url, kind, address) => {
    const before = (await h.events()).length;
    const answer = await h.gql(ADD, { input: { partnerId: 'p-acme', url } });
    const error = errorOf(answer)!;
    expect(error.extensions).toMatchObject({
      code: 'WEBHOOK_ENDPOINT.URL_REFUSED',
      category: 'BAD_USER_INPUT',
      fields: [{ field: 'url', message: error.message }],
    });
    expect(error.message).toContain(`a ${kind} address`);
    expect(error.message).toContain(address);
    expect((await h.events()).length).toBe(before);
  });

  // Nothing is ever sent there: this gateway holds no application, so no partner event is due.
  it('accepts a public address', async () => {
    const answer = await h.gql<Data>(ADD, { input: { partnerId: 'p-acme', url: 'http://93.184.216.34/in' } });
    expect(answer.data!['addWebhookEndpoint']!.endpoint['status']).toBe('ENABLED');
  });
});

describe('webhook URLs in production', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startGateway({ NODE_ENV: 'production', SOOC_AUTH: 'local' });
    await h.gql(REGISTER, { input: partnerInput('p-acme', 'acme') });
  });
  afterAll(() => h.close());

  it('refuses plain http, and takes https', async () => {
    const http = await h.gql(ADD, { input: { partnerId: 'p-acme', url: 'http://93.184.216.34/in' } });
    expect(errorOf(http)?.extensions).toMatchObject({
      code: 'WEBHOOK_ENDPOINT.URL_REFUSED',
      fields: [{ field: 'url' }],
    });
    expect(errorOf(http)?.message).toContain('https');
    const https = await h.gql<Data>(ADD, { input: { partnerId: 'p-acme', url: 'https://93.184.216.34/in' } });
    expect(https.data!['addWebhookEndpoint']!.endpoint['status']).toBe('ENABLED');
  });
});
