import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { isRole, ROLES, type TokenRequest } from '@sooc/auth';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ConsoleOidcSettings } from './console-oidc.config';

export const CONSOLE_PATH = '/console';

/** How long a development sign-in's token lasts: a working day, so a session does not end mid-demo. */
const DEV_TOKEN_TTL_SECONDS = 8 * 3600;

export interface ConsoleSettings {
  /** The built console (index.html and assets/), as `nx run console:build` writes it. */
  readonly dir: string;
  /** `local` or `oidc`: what the sign-in screen offers. */
  readonly authMode: 'local' | 'oidc';
  /** Mints tokens for any role, to whoever asks: null unless the development sign-in is on. */
  readonly mintDevToken: ((request: TokenRequest) => Promise<string>) | null;
  /** The sign-in at the identity provider (SOOC_AUTH=oidc with SOOC_CONSOLE_OIDC_CLIENT_ID); null when there is none. */
  readonly oidc: ConsoleOidcSettings | null;
}

/**
 * What the page may load and reach: only this server's files, this server over HTTP or WebSocket,
 * and with an OIDC sign-in the provider's origin (the console reads its discovery document and
 * exchanges the code at its token endpoint from the page).
 */
export function consoleContentSecurityPolicy(oidc: ConsoleOidcSettings | null): string {
  const provider = oidc ? ` ${new URL(oidc.issuer).origin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ws: wss:${provider}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

const ID = /^[A-Za-z0-9._:@-]{1,200}$/;

interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** The sign-in form's fields, checked as a whole like a mutation's input: every bad field at once. */
export function devTokenRequest(body: unknown): { request: TokenRequest } | { problems: FieldProblem[] } {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const role = fields['role'];
  if (!isRole(role)) problems.push({ field: 'role', message: `one of ${ROLES.join(', ')}` });
  const optionalId = (name: string): string | undefined => {
    const value = fields[name];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'string' && ID.test(value)) return value;
    problems.push({ field: name, message: '1 to 200 letters, digits or . _ : @ -' });
    return undefined;
  };
  const learnerId = optionalId('learnerId');
  const companyId = optionalId('companyId');
  const rawCohorts = fields['cohorts'] ?? [];
  const cohorts = Array.isArray(rawCohorts) ? rawCohorts : [];
  if (!Array.isArray(rawCohorts) || cohorts.some((c) => typeof c !== 'string' || !ID.test(c)))
    problems.push({ field: 'cohorts', message: 'a list of cohort ids' });
  if (role === 'learner' && !learnerId)
    problems.push({ field: 'learnerId', message: 'a learner acts as one learner id' });
  if (role === 'partner' && !companyId)
    problems.push({ field: 'companyId', message: 'a partner acts for one company' });
  if ((role === 'facilitator' || role === 'reviewer') && cohorts.length === 0)
    problems.push({ field: 'cohorts', message: 'a facilitator or reviewer acts on the cohorts named' });
  if (problems.length > 0 || !isRole(role)) return { problems };
  return {
    request: {
      role,
      learnerId,
      companyId,
      cohorts: cohorts as string[],
      ttlSeconds: DEV_TOKEN_TTL_SECONDS,
    },
  };
}

/**
 * The admin console at /console: its built files, what its sign-in screen needs to know
 * (`/console/settings.json`: the auth mode, and the provider and client to sign in with), and in local development mode the sign-in that mints a token for a
 * chosen role. When the console was not built, /console says so (and how to build it) instead of
 * failing. Call before the app initialises, like the other Fastify hooks.
 */
export async function serveConsole(fastify: FastifyInstance, settings: ConsoleSettings): Promise<void> {
  const contentSecurityPolicy = consoleContentSecurityPolicy(settings.oidc);
  fastify.get(`${CONSOLE_PATH}/settings.json`, (_request, reply) => {
    void reply.header('cache-control', 'no-store').send({
      auth: settings.authMode,
      devSignIn: settings.mintDevToken !== null,
      oidc: settings.oidc,
    });
  });
  const mint = settings.mintDevToken;
  if (mint) {
    fastify.post(`${CONSOLE_PATH}/dev-sign-in`, async (request, reply) => {
      const checked = devTokenRequest(request.body);
      if ('problems' in checked) {
        return reply.code(400).send({
          error: { code: 'BAD_USER_INPUT', message: 'The sign-in form has bad fields', fields: checked.problems },
        });
      }
      const token = await mint(checked.request);
      return reply
        .header('cache-control', 'no-store')
        .send({ token, expiresInSeconds: checked.request.ttlSeconds, role: checked.request.role });
    });
  }
  if (!existsSync(join(settings.dir, 'index.html'))) {
    const notBuilt = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sooc console: not built</title></head>
<body><main><h1>The console is not built</h1><p>Build it with <code>npx nx run console:build</code>
(<code>npm start</code> builds it), then reload this page.</p></main></body></html>\n`;
    const answer = (_request: unknown, reply: FastifyReply) =>
      reply.code(503).type('text/html; charset=utf-8').send(notBuilt);
    fastify.get(CONSOLE_PATH, answer);
    fastify.get(`${CONSOLE_PATH}/*`, answer);
    return;
  }
  await fastify.register(fastifyStatic, {
    root: settings.dir,
    prefix: `${CONSOLE_PATH}/`,
    // index.html names the hashed assets of this build: always asked again; the assets never change.
    setHeaders: (res, path) => {
      if (path.endsWith('.html')) {
        res.setHeader('cache-control', 'no-cache');
        res.setHeader('content-security-policy', contentSecurityPolicy);
      } else {
        res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      }
    },
  });
  fastify.get(CONSOLE_PATH, (_request, reply) => reply.redirect(`${CONSOLE_PATH}/`));
}
