import { readReactorTickMs } from '@sooc/reactor-engine';
import {
  EnvReader,
  readStoreConfig,
  readWorkerConfig,
  type Env,
  type StoreConfig,
  type WorkerConfig,
} from '@sooc/runtime';

export interface ReactorConfig extends StoreConfig, WorkerConfig {
  /** How often due offers are looked for and expired. */
  readonly tickMs: number;
}

/**
 * The shared store settings, the worker's (health/metrics port, lease) and the tick, for a reactor
 * in its own process: an in-memory store or read database there would be a private, empty copy
 * nobody else writes to or reads.
 */
export function loadReactorConfig(env: Env = process.env): ReactorConfig {
  const reader = new EnvReader(env);
  const store = readStoreConfig(reader);
  const worker = readWorkerConfig(reader, 'reactor');
  const tickMs = readReactorTickMs(reader);
  if (store.eventStoreUrl === 'memory:') {
    reader.refuse(
      'SOOC_EVENT_STORE_URL',
      store.eventStoreUrl,
      '"sqlite:<path>": a separate reactor cannot see another process\'s memory: store',
    );
  }
  if (store.readDbUrl === 'sqlite::memory:') {
    reader.refuse(
      'SOOC_READ_DB_URL',
      store.readDbUrl,
      '"sqlite:<path>" or "postgres://…": the reactor keeps its checkpoint and due offers there',
    );
  }
  reader.done();
  return { ...store, ...worker, tickMs };
}
