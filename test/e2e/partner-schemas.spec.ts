import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  PARTNER_EVENT_SCHEMAS,
  PARTNER_FEED_EVENT_TYPES,
  scopedForPartner,
  toCloudEvent,
  type PartnerCloudEvent,
} from '@sooc/partners-domain';
import { eventually } from '@sooc/util/testing';
import { ACCEPT, application, openCohort, submit } from './enrollment.fixture';
import { startGateway, type Harness } from './gateway.harness';

interface SchemaIndex {
  readonly schemas: readonly { readonly type: string; readonly description: string; readonly url: string }[];
}

describe('the partner event schemas, served at stable public URLs', () => {
  let h: Harness;
  let indexUrl: URL;
  beforeAll(async () => {
    h = await startGateway();
    indexUrl = new URL('/schemas/partners/index.json', h.gateway.url);
  });
  afterAll(() => h.close());

  /** What a partner's tooling does: the index, then every schema it names, without a token. */
  async function fetchAll(): Promise<Map<string, { url: URL; schema: Record<string, unknown> }>> {
    const index = (await (await fetch(indexUrl)).json()) as SchemaIndex;
    const fetched = new Map<string, { url: URL; schema: Record<string, unknown> }>();
    for (const { type, url } of index.schemas) {
      const schemaUrl = new URL(url, indexUrl);
      const response = await fetch(schemaUrl);
      expect(response.status).toBe(200);
      fetched.set(type, { url: schemaUrl, schema: (await response.json()) as Record<string, unknown> });
    }
    return fetched;
  }

  it('lists every type of the catalogue with a one-line meaning and its schema’s URL, to anyone, cacheable', async () => {
    const response = await fetch(indexUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    const index = (await response.json()) as SchemaIndex;
    expect(index.schemas.map(({ type }) => type)).toEqual([...PARTNER_FEED_EVENT_TYPES]);
    for (const { type, description, url } of index.schemas) {
      expect(description.length).toBeGreaterThan(10);
      expect(new URL(url, indexUrl).href).toBe(new URL(`/schemas/partners/${type}.json`, h.gateway.url).href);
    }
  });

  it('serves each schema as published, naming itself by the URL it is served at', async () => {
    const fetched = await fetchAll();
    expect([...fetched.keys()]).toEqual([...PARTNER_FEED_EVENT_TYPES]);
    for (const [type, { url, schema }] of fetched) {
      expect(schema).toEqual(PARTNER_EVENT_SCHEMAS[type as keyof typeof PARTNER_EVENT_SCHEMAS]);
      // A relative $id resolves against the retrieval URI: the schema names the URL it came from.
      expect(new URL(String(schema['$id']), url).href).toBe(url.href);
      const response = await fetch(url);
      expect(response.headers.get('content-type')).toMatch(/^application\/schema\+json/);
      expect(response.headers.get('cache-control')).toBe('public, max-age=86400');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers an unknown type with a 404 in JSON', async () => {
    for (const path of ['org.sooc.enrollment.no-such-thing.v1.json', 'org.sooc.cohorts.cohort-started.v9.json', 'x']) {
      const response = await fetch(new URL(`/schemas/partners/${path}`, h.gateway.url));
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ error: 'NOT_FOUND', message: expect.stringContaining('index.json') });
    }
  });

  it('validates the CloudEvents of events the gateway stored for a real application, named or not', async () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const validators = new Map([...(await fetchAll())].map(([type, { schema }]) => [type, ajv.compile(schema)]));
    const cohortId = await openCohort(h, { selectionPolicy: 'FIRST_COME' });
    const submitted = await submit(h, cohortId, 'ada', { shareWithCompany: true });
    expect(submitted.errors).toBeUndefined();
    // The reactor offers the seat after the mutation returned.
    await eventually(
      () => application(h, cohortId, 'ada'),
      (a) => a?.status === 'OFFERED',
      10_000,
    );
    expect((await h.gql(ACCEPT, { cohortId, learnerId: 'ada' })).errors).toBeUndefined();

    const events = (await h.events())
      .map((event) => toCloudEvent(event))
      .filter((event): event is PartnerCloudEvent => event?.subject === `cohort/${cohortId}`);
    expect(events.map(({ type }) => type)).toEqual([
      'org.sooc.enrollment.application-submitted.v1',
      'org.sooc.enrollment.application-admitted.v1',
      'org.sooc.enrollment.seat-offered.v1',
      'org.sooc.enrollment.offer-accepted.v1',
    ]);
    for (const event of events.flatMap((e) => [e, scopedForPartner(e, false)])) {
      const validate = validators.get(event.type);
      expect(validate?.(event) ? [] : validate?.errors).toEqual([]);
    }
  });
});
