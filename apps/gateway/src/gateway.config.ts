// Embedded mode runs apps/reactor's code in this process (see docs/ARCHITECTURE.md, known gaps).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { readReactorTickMs } from '@sooc/reactor';
import { EnvReader, readStoreConfig, type Env, type StoreConfig } from '@sooc/runtime';

// Kept importable from here: the gateway's callers (main.ts, e2e) predate the shared library.
export { ConfigError, LOG_LEVELS, type ConfigProblem, type LogLevel } from '@sooc/runtime';

/** The shared store settings (@sooc/runtime) plus what only an HTTP server needs. */
export interface GatewayConfig extends StoreConfig {
  readonly port: number;
  readonly host: string;
  /** Deepest field nesting a GraphQL operation may have (introspection excluded). */
  readonly graphqlMaxDepth: number;
  /** SOOC_CLOCK_FILE: time travel for tests and demos (see clockFromEnv); null reads the system clock. */
  readonly clockFile: string | null;
  /** How often the embedded reactor expires due offers (SOOC_REACTOR_TICK_MS). */
  readonly reactorTickMs: number;
}

/**
 * The one place the gateway reads environment variables. Every variable is checked, and all the
 * bad ones are reported at once, each named with what it accepts, before anything is opened.
 */
export function loadConfig(env: Env = process.env): GatewayConfig {
  const reader = new EnvReader(env);
  const port = reader.integer('PORT', 3000, 0, 65535, 'an integer from 0 to 65535 (0 picks a free port)');
  const host = reader.read('HOST', '0.0.0.0', 'a host name or IP address without spaces', (raw) => (/\s/.test(raw) ? undefined : raw));
  const store = readStoreConfig(reader);
  const graphqlMaxDepth = reader.integer('GRAPHQL_MAX_DEPTH', 10, 1, 100);
  const reactorTickMs = readReactorTickMs(reader);
  const clockFile = env['SOOC_CLOCK_FILE']?.trim() || null;
  reader.done();
  return { port, host, ...store, graphqlMaxDepth, reactorTickMs, clockFile };
}
