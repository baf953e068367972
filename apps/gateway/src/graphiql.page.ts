import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const JS = 'text/javascript; charset=utf-8';

/**
 * GraphiQL's files, served from the installed npm packages: many servers have no internet, so
 * the page may not load anything from a CDN. React 18 is the last React with the UMD build that
 * GraphiQL 3's standalone bundle expects.
 */
const ASSETS: Readonly<Record<string, { readonly pkg: string; readonly file: string; readonly type: string }>> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: JS },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: JS },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: JS },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css; charset=utf-8' },
};

/** The packages' `exports` hide their UMD files from require.resolve; their package.json is exported. */
function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

export const GRAPHIQL_ASSETS_PATH = '/graphiql';

/** The page's one inline script: it starts GraphiQL on the GraphQL URL, over HTTP and graphql-ws. */
function bootScript(graphqlPath: string): string {
  return `
      const url = new URL(${JSON.stringify(graphqlPath)}, location.href);
      const subscriptionUrl = url.href.replace(/^http/, 'ws');
      const fetcher = GraphiQL.createFetcher({ url: url.href, subscriptionUrl });
      ReactDOM.createRoot(document.getElementById('graphiql')).render(
        React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true }),
      );
    `;
}

/** The page a person gets when a browser opens the GraphQL URL. */
export function graphiqlHtml(graphqlPath: string): string {
  const asset = (name: string) => `${GRAPHIQL_ASSETS_PATH}/${name}`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>sooc GraphQL</title>
    <link rel="stylesheet" href="${asset('graphiql.css')}" />
    <script src="${asset('react.js')}"></script>
    <script src="${asset('react-dom.js')}"></script>
    <script src="${asset('graphiql.js')}"></script>
  </head>
  <body style="margin: 0">
    <div id="graphiql" style="height: 100vh">Loading GraphiQL…</div>
    <script>${bootScript(graphqlPath)}</script>
  </body>
</html>
`;
}

/**
 * Only this server's files and the one inline script (by its hash) may run; styles may be inline
 * (the editor sets them); requests go back to this server, over HTTP or WebSocket.
 */
export function graphiqlContentSecurityPolicy(graphqlPath: string): string {
  const hash = createHash('sha256').update(bootScript(graphqlPath)).digest('base64');
  return [
    "default-src 'self'",
    `script-src 'self' 'sha256-${hash}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A browser asks for a page; GraphQL clients ask for JSON, and a GET that carries a query is an operation. */
function wantsPage(accept: string | undefined, query: unknown): boolean {
  const hasOperation = typeof query === 'object' && query !== null && 'query' in query;
  return !hasOperation && (accept ?? '').includes('text/html');
}

/**
 * GET on the GraphQL path from a browser answers GraphiQL (Apollo alone answers a CSRF error:
 * there is no page for a person), and `/graphiql/*` serves its files. Call before the app
 * initialises, like the other Fastify hooks.
 */
export function serveGraphiQL(fastify: FastifyInstance, graphqlPath: string): void {
  const html = graphiqlHtml(graphqlPath);
  const policy = graphiqlContentSecurityPolicy(graphqlPath);
  fastify.addHook('onRequest', (request, reply, done) => {
    if (
      request.method !== 'GET' ||
      request.url.split('?')[0] !== graphqlPath ||
      !wantsPage(request.headers.accept, request.query)
    ) {
      return done();
    }
    void reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', policy)
      .send(html);
  });
  const loaded = new Map<string, Buffer>();
  fastify.get<{ Params: { asset: string } }>(`${GRAPHIQL_ASSETS_PATH}/:asset`, (request, reply) => {
    const asset = ASSETS[request.params.asset];
    if (!asset) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    let body = loaded.get(request.params.asset);
    if (!body) {
      body = readFileSync(packageFile(asset.pkg, asset.file));
      loaded.set(request.params.asset, body);
    }
    return reply
      .type(asset.type)
      .header('cache-control', 'public, max-age=86400')
      .header('x-content-type-options', 'nosniff')
      .send(body);
  });
}
