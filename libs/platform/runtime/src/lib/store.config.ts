import { join } from 'node:path';
import { KEY_STORE_URL } from '@sooc/key-store';
import { EnvReader, type Env } from './env.reader';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** What every deployable that touches the stores reads: the gateway, the projector, later the other workers. */
export interface StoreConfig {
  readonly dataDir: string;
  /** `memory:` (tests, demos: lost at exit), `sqlite:<path>`, or EventStoreDB: `esdb://…` / `esdb+discover://…`. */
  readonly eventStoreUrl: string;
  /** `sqlite:<path>`, `sqlite::memory:` or `postgres://…`. */
  readonly readDbUrl: string;
  /**
   * Where each learner's key lives, apart from the events: `sqlite:<path>` (default: keys.sqlite in
   * the data directory), `postgres://…` (production: its own tables), `memory:` (with a memory store).
   */
  readonly keyStoreUrl: string;
  readonly logLevel: LogLevel;
  /** Most events per read-model transaction; absent: the runner's default. */
  readonly projectionBatchSize?: number;
}

const EVENT_STORE_URL = /^(memory:|sqlite:.+|esdb(\+discover)?:\/\/\S+)$/;
const ESDB_URL = /^esdb(\+discover)?:\/\/\S+$/;
const READ_DB_URL = /^(sqlite:.+|postgres(ql)?:\/\/.+)$/;

/** Reads the store variables into `reader`, which reports the bad ones when the caller is done. */
export function readStoreConfig(reader: EnvReader): StoreConfig {
  const dataDir = reader.read('SOOC_DATA_DIR', './data', 'a directory path', (raw) => raw);
  // SOOC_ESDB_URL names EventStoreDB alone (the name operators of ESDB know); SOOC_EVENT_STORE_URL
  // any store. Either may carry the connection string; given both, they must agree.
  const esdbUrl = reader.read<string | undefined>(
    'SOOC_ESDB_URL',
    undefined,
    '"esdb://host:2113?tls=false", "esdb://host:2113" (TLS) or "esdb+discover://node1:2113,node2:2113"',
    (raw) => (ESDB_URL.test(raw) ? raw : undefined),
  );
  const eventStoreUrl = reader.read(
    'SOOC_EVENT_STORE_URL',
    esdbUrl ?? `sqlite:${join(dataDir, 'events.sqlite')}`,
    '"memory:", "sqlite:<path>", "esdb://host:port?tls=false" or "esdb+discover://host:port" (EventStoreDB)',
    (raw) => (EVENT_STORE_URL.test(raw) ? raw : undefined),
  );
  if (esdbUrl !== undefined && eventStoreUrl !== esdbUrl && reader.raw('SOOC_EVENT_STORE_URL') !== undefined) {
    reader.refuse(
      'SOOC_ESDB_URL',
      esdbUrl,
      `the same URL as SOOC_EVENT_STORE_URL ("${eventStoreUrl}"), or one of the two left unset`,
    );
  }
  const readDbUrl = reader.read(
    'SOOC_READ_DB_URL',
    `sqlite:${join(dataDir, 'read.sqlite')}`,
    '"sqlite:<path>", "sqlite::memory:" or "postgres://user:password@host:port/database"',
    (raw) => (READ_DB_URL.test(raw) ? raw : undefined),
  );
  const keyStoreUrl = reader.read(
    'SOOC_KEY_STORE_URL',
    eventStoreUrl === 'memory:' ? 'memory:' : `sqlite:${join(dataDir, 'keys.sqlite')}`,
    '"sqlite:<path>", "postgres://user:password@host:port/database" or "memory:" (with SOOC_EVENT_STORE_URL=memory:)',
    (raw) => (KEY_STORE_URL.test(raw) ? raw : undefined),
  );
  // Beside EventStoreDB the processes run on several hosts, each with its own data directory: a
  // key made in one would be missing in the others. Production names one store for all of them.
  if (reader.raw('NODE_ENV') === 'production' && ESDB_URL.test(eventStoreUrl) && !reader.raw('SOOC_KEY_STORE_URL'))
    reader.refuse(
      'SOOC_KEY_STORE_URL',
      '(unset)',
      'a key store every process shares when NODE_ENV=production with EventStoreDB: postgres://user:password@host:port/database',
    );
  const logLevel = reader.read<LogLevel>('LOG_LEVEL', 'info', `one of ${LOG_LEVELS.join(', ')}`, (raw) =>
    LOG_LEVELS.find((l) => l === raw.toLowerCase()),
  );
  // Left out when unset, so configs compare equal whether or not the runner's default applies.
  const projectionBatchSize = reader.integer('SOOC_PROJECTION_BATCH_SIZE', undefined, 1, 100_000);
  return {
    dataDir,
    eventStoreUrl,
    readDbUrl,
    keyStoreUrl,
    logLevel,
    ...(projectionBatchSize === undefined ? {} : { projectionBatchSize }),
  };
}

/** The store settings alone, validated: for workers that need nothing else. */
export function loadStoreConfig(env: Env = process.env): StoreConfig {
  const reader = new EnvReader(env);
  const config = readStoreConfig(reader);
  reader.done();
  return config;
}
