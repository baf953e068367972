import {
  EnvReader,
  readStoreConfig,
  readWorkerConfig,
  type Env,
  type StoreConfig,
  type WorkerConfig,
} from '@sooc/runtime';

export type ProjectorConfig = StoreConfig & WorkerConfig;

/**
 * The shared store settings and the worker's (health port, lease), plus what only makes sense for
 * a worker in its own process: an in-memory store here would be a private, empty copy nobody else can see.
 */
export function loadProjectorConfig(env: Env = process.env): ProjectorConfig {
  const reader = new EnvReader(env);
  const config = readStoreConfig(reader);
  const worker = readWorkerConfig(reader, 'projector');
  if (config.eventStoreUrl === 'memory:') {
    reader.refuse(
      'SOOC_EVENT_STORE_URL',
      config.eventStoreUrl,
      '"sqlite:<path>": a separate projector cannot see another process\'s memory: store',
    );
  }
  if (config.readDbUrl === 'sqlite::memory:') {
    reader.refuse(
      'SOOC_READ_DB_URL',
      config.readDbUrl,
      '"sqlite:<path>" or "postgres://…": nobody else could read an in-memory read database',
    );
  }
  reader.done();
  return { ...config, ...worker };
}
