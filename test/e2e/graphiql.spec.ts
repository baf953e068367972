import { startGateway, type Harness } from './gateway.harness';

const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('GraphiQL for people at GET /graphql', () => {
  describe('on (the default outside production)', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startGateway();
    });
    afterAll(() => h.close());

    it('answers a browser with the GraphiQL page, whose files all come from this server', async () => {
      const response = await fetch(h.gateway.url, { headers: BROWSER });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const page = await response.text();
      expect(page).toContain('GraphiQL.createFetcher');
      const sources = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
      expect(sources).toHaveLength(4);
      for (const source of sources) {
        expect(source).toMatch(/^\/graphiql\//); // not a CDN: many servers have no internet
        const asset = await fetch(new URL(source, h.gateway.url));
        expect(asset.status).toBe(200);
        expect(asset.headers.get('content-type')).toMatch(source.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
        expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
      }
    });

    it('still runs a GET operation sent by a client, and answers an unknown file with 404', async () => {
      const query = new URL(h.gateway.url);
      query.searchParams.set('query', '{ __typename }');
      const answer = await fetch(query, { headers: { ...BROWSER, 'apollo-require-preflight': 'true' } });
      expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
      expect((await fetch(new URL('/graphiql/secrets.js', h.gateway.url))).status).toBe(404);
      expect((await fetch(new URL('/graphiql/..%2Fpackage.json', h.gateway.url))).status).toBe(404);
    });

    it('answers JSON clients as before', async () => {
      const response = await fetch(h.gateway.url, { headers: { accept: 'application/json' } });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    });
  });

  it('is off with SOOC_GRAPHIQL=false: no page, no files', async () => {
    const h = await startGateway({ SOOC_GRAPHIQL: 'false' });
    try {
      const response = await fetch(h.gateway.url, { headers: BROWSER });
      expect(await response.text()).not.toContain('GraphiQL');
      expect((await fetch(new URL('/graphiql/graphiql.js', h.gateway.url))).status).toBe(404);
    } finally {
      await h.close();
    }
  });
});
