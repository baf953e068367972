import { hostname } from 'node:os';
import { join } from 'node:path';
import { readReactorTickMs } from '@sooc/reactor-engine';
import { readAuthConfig, type AuthConfig } from './access/auth.config';
import type { RateLimits } from './access/rate.limits';
import { readConsoleOidcSettings, type ConsoleOidcSettings } from './console-oidc.config';
import {
  DEFAULT_LEASE_TTL_MS,
  EnvReader,
  readStoreConfig,
  readWebhookSettings,
  type Env,
  type StoreConfig,
} from '@sooc/runtime';
import type { DeliverySettings } from '@sooc/partners-delivery';

// Kept importable from here: the gateway's callers (main.ts, e2e) predate the shared library.
export { ConfigError, LOG_LEVELS, type ConfigProblem, type LogLevel } from '@sooc/runtime';

/**
 * `embedded`: the projector and the reactor run in this process, each holding its lease.
 * `none`: the gateway only; apps/projector and apps/reactor run beside it.
 */
export type WorkersMode = 'embedded' | 'none';
export const WORKERS_MODES: readonly WorkersMode[] = ['embedded', 'none'];

/** The shared store settings (@sooc/runtime) plus what only an HTTP server needs. */
export interface GatewayConfig extends StoreConfig {
  readonly port: number;
  readonly host: string;
  /** Deepest field nesting a GraphQL operation may have (introspection excluded). */
  readonly graphqlMaxDepth: number;
  /** GRAPHQL_MAX_COST, GRAPHQL_MAX_ALIASES, GRAPHQL_MAX_TOKENS: see operation.limits.ts. */
  readonly graphqlMaxCost: number;
  readonly graphqlMaxAliases: number;
  readonly graphqlMaxTokens: number;
  /** SOOC_INTROSPECTION: on unless NODE_ENV=production. */
  readonly introspection: boolean;
  /** SOOC_CORS_ORIGINS: browser origins allowed to call the API from another site; none by default. */
  readonly corsOrigins: readonly string[];
  /** SOOC_CLOCK_FILE: time travel for tests and demos (see clockFromEnv); null reads the system clock. */
  readonly clockFile: string | null;
  /** How often the embedded reactor expires due offers (SOOC_REACTOR_TICK_MS). */
  readonly reactorTickMs: number;
  /** SOOC_WORKERS. */
  readonly workers: WorkersMode;
  /** SOOC_WEBHOOK_*: the partners' webhook URL checks and the embedded delivery worker. */
  readonly webhooks: DeliverySettings;
  /** The embedded workers' lease TTL (SOOC_LEASE_TTL_MS, as for apps/projector and apps/reactor). */
  readonly leaseTtlMs: number;
  /** Names this process in the lease table (SOOC_INSTANCE_ID). */
  readonly instanceId: string;
  /** SOOC_GRAPHIQL: a browser opening the GraphQL URL gets GraphiQL; on unless NODE_ENV=production. */
  readonly graphiql: boolean;
  /** SOOC_AUTH and its settings: who callers are, from their bearer tokens. */
  readonly auth: AuthConfig;
  /**
   * SOOC_CONSOLE_DEV_SIGNIN: the console's development sign-in, which mints a token for any role to
   * whoever asks. Local mode only; on unless NODE_ENV=production (a single host in production
   * turns it on knowingly, or signs in with `npm run sooc -- token`).
   */
  readonly consoleDevSignIn: boolean;
  /** SOOC_CONSOLE_DIR: the built console the gateway serves at /console (apps/console/dist by default). */
  readonly consoleDir: string;
  /** SOOC_CONSOLE_OIDC_*: the console's sign-in at the provider (SOOC_AUTH=oidc); null offers only a pasted token. */
  readonly consoleOidc: ConsoleOidcSettings | null;
  /** SOOC_RATE_LIMIT_PER_MINUTE (per token subject) and SOOC_RATE_LIMIT_ANONYMOUS_PER_MINUTE (per IP); 0 is no limit. */
  readonly rateLimits: RateLimits;
  /** SOOC_STORE_TIMEOUT_MS: a request's calls to the event store and to PostgreSQL answer within it, or STORE_UNAVAILABLE. */
  readonly storeTimeoutMs: number;
}

/**
 * The one place the gateway reads environment variables. Every variable is checked, and all the
 * bad ones are reported at once, each named with what it accepts, before anything is opened.
 */
export function loadConfig(env: Env = process.env): GatewayConfig {
  const reader = new EnvReader(env);
  const port = reader.integer('PORT', 3000, 0, 65535, 'an integer from 0 to 65535 (0 picks a free port)');
  const host = reader.read('HOST', '0.0.0.0', 'a host name or IP address without spaces', (raw) =>
    /\s/.test(raw) ? undefined : raw,
  );
  const store = readStoreConfig(reader);
  const graphqlMaxDepth = reader.integer('GRAPHQL_MAX_DEPTH', 10, 1, 100);
  const reactorTickMs = readReactorTickMs(reader);
  const clockFile = env['SOOC_CLOCK_FILE']?.trim() || null;
  const workers = reader.read<WorkersMode>('SOOC_WORKERS', 'embedded', `one of ${WORKERS_MODES.join(', ')}`, (raw) =>
    WORKERS_MODES.find((m) => m === raw.toLowerCase()),
  );
  const leaseTtlMs = reader.integer(
    'SOOC_LEASE_TTL_MS',
    DEFAULT_LEASE_TTL_MS,
    1_000,
    60_000,
    'milliseconds from 1000 to 60000',
  );
  const instanceId = reader.read(
    'SOOC_INSTANCE_ID',
    `${hostname()}-${process.pid}`,
    '1 to 200 characters without spaces',
    (raw) => (/^\S{1,200}$/.test(raw) ? raw : undefined),
  );
  const production = env['NODE_ENV'] === 'production';
  const graphiql = reader.read('SOOC_GRAPHIQL', !production, 'true or false', parseBoolean);
  const introspection = reader.read('SOOC_INTROSPECTION', !production, 'true or false', parseBoolean);
  const auth = readAuthConfig(reader, production);
  const webhooks = readWebhookSettings(reader, production);
  const consoleDevSignIn = reader.read(
    'SOOC_CONSOLE_DEV_SIGNIN',
    auth.mode === 'local' && !production,
    'true or false',
    parseBoolean,
  );
  if (consoleDevSignIn && auth.mode !== 'local')
    reader.refuse('SOOC_CONSOLE_DEV_SIGNIN', 'true', 'false when SOOC_AUTH=oidc: the provider signs people in');
  const consoleOidc = readConsoleOidcSettings(reader, auth);
  const consoleDir = reader.read('SOOC_CONSOLE_DIR', DEFAULT_CONSOLE_DIR, 'a directory path', (raw) =>
    raw.trim() === '' ? undefined : raw,
  );
  const rateLimits: RateLimits = {
    perPrincipal: reader.integer('SOOC_RATE_LIMIT_PER_MINUTE', 6_000, 0, 10_000_000),
    perAnonymousIp: reader.integer('SOOC_RATE_LIMIT_ANONYMOUS_PER_MINUTE', 600, 0, 10_000_000),
  };
  const storeTimeoutMs = reader.integer('SOOC_STORE_TIMEOUT_MS', 5_000, 100, 60_000, 'milliseconds from 100 to 60000');
  const graphqlMaxCost = reader.integer('GRAPHQL_MAX_COST', 5_000, 10, 1_000_000);
  const graphqlMaxAliases = reader.integer('GRAPHQL_MAX_ALIASES', 15, 0, 1_000);
  const graphqlMaxTokens = reader.integer('GRAPHQL_MAX_TOKENS', 2_000, 50, 100_000);
  const corsOrigins = reader.read<string[]>(
    'SOOC_CORS_ORIGINS',
    [],
    'a comma-separated list of origins such as https://admin.example.org',
    (raw) => {
      const origins = raw
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean);
      return origins.every((o) => /^https?:\/\/[^/\s]+$/.test(o)) ? origins : undefined;
    },
  );
  reader.done();
  return {
    port,
    host,
    ...store,
    graphqlMaxDepth,
    graphqlMaxCost,
    graphqlMaxAliases,
    graphqlMaxTokens,
    introspection,
    corsOrigins,
    reactorTickMs,
    clockFile,
    workers,
    webhooks,
    leaseTtlMs,
    instanceId,
    graphiql,
    auth,
    consoleDevSignIn,
    consoleDir,
    consoleOidc,
    rateLimits,
    storeTimeoutMs,
  };
}

/** Where `nx run console:build` writes, from the gateway's source or its dist alike (both two levels under the repo). */
const DEFAULT_CONSOLE_DIR = join(__dirname, '../../console/dist');

function parseBoolean(raw: string): boolean | undefined {
  return raw === 'true' ? true : raw === 'false' ? false : undefined;
}
