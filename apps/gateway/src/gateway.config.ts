import { join } from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface GatewayConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** `memory:` (tests, demos: lost at exit) or `sqlite:<path>`. */
  readonly eventStoreUrl: string;
  /** `sqlite:<path>`, `sqlite::memory:` or `postgres://…`. */
  readonly readDbUrl: string;
  readonly logLevel: LogLevel;
  /** Deepest field nesting a GraphQL operation may have (introspection excluded). */
  readonly graphqlMaxDepth: number;
}

export interface ConfigProblem {
  readonly variable: string;
  readonly value: string;
  readonly expected: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(['Invalid configuration:', ...problems.map((p) => `  ${p.variable}=${JSON.stringify(p.value)}: expected ${p.expected}`)].join('\n'));
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const EVENT_STORE_URL = /^(memory:|sqlite:.+)$/;
const READ_DB_URL = /^(sqlite:.+|postgres(ql)?:\/\/.+)$/;

/**
 * The one place environment variables are read. Every variable is checked, and all the bad ones
 * are reported at once, each named with what it accepts, before anything is opened.
 */
export function loadConfig(env: Env = process.env): GatewayConfig {
  const problems: ConfigProblem[] = [];
  const value = (variable: string) => {
    const raw = env[variable]?.trim();
    return raw === '' ? undefined : raw;
  };
  const check = <T>(variable: string, fallback: T, expected: string, parse: (raw: string) => T | undefined): T => {
    const raw = value(variable);
    if (raw === undefined) return fallback;
    const parsed = parse(raw);
    if (parsed === undefined) problems.push({ variable, value: raw, expected });
    return parsed ?? fallback;
  };

  const port = check('PORT', 3000, 'an integer from 0 to 65535 (0 picks a free port)', (raw) => {
    const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
    return n >= 0 && n <= 65535 ? n : undefined;
  });
  const host = check('HOST', '0.0.0.0', 'a host name or IP address without spaces', (raw) => (/\s/.test(raw) ? undefined : raw));
  const dataDir = check('SOOC_DATA_DIR', './data', 'a directory path', (raw) => raw);
  const eventStoreUrl = check('SOOC_EVENT_STORE_URL', `sqlite:${join(dataDir, 'events.sqlite')}`, '"memory:" or "sqlite:<path>"', (raw) =>
    EVENT_STORE_URL.test(raw) ? raw : undefined,
  );
  const readDbUrl = check('SOOC_READ_DB_URL', `sqlite:${join(dataDir, 'read.sqlite')}`, '"sqlite:<path>", "sqlite::memory:" or "postgres://user:password@host:port/database"', (raw) =>
    READ_DB_URL.test(raw) ? raw : undefined,
  );
  const logLevel = check<LogLevel>('LOG_LEVEL', 'info', `one of ${LOG_LEVELS.join(', ')}`, (raw) => LOG_LEVELS.find((l) => l === raw.toLowerCase()));

  const graphqlMaxDepth = check('GRAPHQL_MAX_DEPTH', 10, 'an integer from 1 to 100', (raw) => {
    const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
    return n >= 1 && n <= 100 ? n : undefined;
  });

  if (problems.length > 0) throw new ConfigError(problems);
  return { port, host, dataDir, eventStoreUrl, readDbUrl, logLevel, graphqlMaxDepth };
}
