import { ConfigError } from './config.error';
import { EnvReader } from './env.reader';
import { loadStoreConfig, readStoreConfig } from './store.config';

function problemsOf(load: () => unknown): ConfigError {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadStoreConfig', () => {
  it('defaults to SQLite files in ./data and the runner’s own batch size', () => {
    expect(loadStoreConfig({})).toStrictEqual({
      dataDir: './data',
      eventStoreUrl: 'sqlite:data/events.sqlite',
      readDbUrl: 'sqlite:data/read.sqlite',
      keyStoreUrl: 'sqlite:data/keys.sqlite',
      logLevel: 'info',
    });
  });

  it('reads the projection batch size and refuses anything but 1..100000', () => {
    expect(loadStoreConfig({ SOOC_PROJECTION_BATCH_SIZE: '50' }).projectionBatchSize).toBe(50);
    for (const bad of ['0', '100001', '1e3', '-5', 'ten']) {
      expect(problemsOf(() => loadStoreConfig({ SOOC_PROJECTION_BATCH_SIZE: bad })).message).toContain(
        `SOOC_PROJECTION_BATCH_SIZE="${bad}": expected an integer from 1 to 100000`,
      );
    }
  });

  it('accepts EventStoreDB URLs, single node or discovered, and lists them when refusing another', () => {
    for (const url of [
      'esdb://127.0.0.1:2113?tls=false',
      'esdb://admin:changeit@es1:2113,es2:2113',
      'esdb+discover://cluster.example:2113',
    ]) {
      expect(loadStoreConfig({ SOOC_EVENT_STORE_URL: url }).eventStoreUrl).toBe(url);
    }
    for (const bad of ['esdb:', 'esdb://', 'kurrent://x:2113', 'http://127.0.0.1:2113']) {
      const message = problemsOf(() => loadStoreConfig({ SOOC_EVENT_STORE_URL: bad })).message;
      expect(message).toContain(`SOOC_EVENT_STORE_URL="${bad}"`);
      expect(message).toContain('"esdb://host:port?tls=false" or "esdb+discover://host:port"');
    }
  });

  it('takes EventStoreDB from SOOC_ESDB_URL too, and refuses it when SOOC_EVENT_STORE_URL names another store', () => {
    const url = 'esdb+discover://es1:2113,es2:2113';
    expect(loadStoreConfig({ SOOC_ESDB_URL: url }).eventStoreUrl).toBe(url);
    expect(loadStoreConfig({ SOOC_ESDB_URL: url, SOOC_EVENT_STORE_URL: url }).eventStoreUrl).toBe(url);
    expect(
      problemsOf(() => loadStoreConfig({ SOOC_ESDB_URL: url, SOOC_EVENT_STORE_URL: 'sqlite:data/e.sqlite' })).problems,
    ).toEqual([
      {
        variable: 'SOOC_ESDB_URL',
        value: url,
        expected: 'the same URL as SOOC_EVENT_STORE_URL ("sqlite:data/e.sqlite"), or one of the two left unset',
      },
    ]);
    expect(problemsOf(() => loadStoreConfig({ SOOC_ESDB_URL: 'sqlite:data/e.sqlite' })).message).toContain(
      'SOOC_ESDB_URL="sqlite:data/e.sqlite": expected "esdb://host:2113?tls=false"',
    );
  });

  it('lets an app add its own variables and report them with the shared ones, in reading order', () => {
    const reader = new EnvReader({ PORT: 'x', SOOC_READ_DB_URL: 'redis://x', LOG_LEVEL: 'loud', EXTRA: '' });
    reader.integer('PORT', 3000, 0, 65535);
    readStoreConfig(reader);
    expect(reader.read('EXTRA', 'fallback', 'anything', () => undefined)).toBe('fallback');
    expect(problemsOf(() => reader.done()).problems.map((p) => p.variable)).toEqual([
      'PORT',
      'SOOC_READ_DB_URL',
      'LOG_LEVEL',
    ]);
  });
});
