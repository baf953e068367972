import { resolve } from 'node:path';
import { loadConfig } from './gateway.config';
import { startLines } from './gateway.start-lines';

describe('the start lines', () => {
  it('say what runs and where the SQLite files are, by default', () => {
    expect(startLines(loadConfig({}))).toEqual([
      'GraphQL API with the projector and the reactor embedded (SOOC_WORKERS=embedded)',
      `events in ${resolve('data/events.sqlite')}, read models in ${resolve('data/read.sqlite')} (SOOC_DATA_DIR=./data)`,
    ]);
  });

  it('name the separate workers, and mask the passwords of server stores', () => {
    const config = loadConfig({
      SOOC_WORKERS: 'none',
      SOOC_ESDB_URL: 'esdb://admin:changeit@esdb:2113?tls=false',
      SOOC_READ_DB_URL: 'postgres://sooc:secret@pg:5432/sooc',
    });
    expect(startLines(config)).toEqual([
      'GraphQL API only; apps/projector and apps/reactor run beside it (SOOC_WORKERS=none)',
      'events in esdb://admin:***@esdb:2113?tls=false, read models in postgres://sooc:***@pg:5432/sooc',
    ]);
  });

  it('say when nothing is kept', () => {
    const config = loadConfig({ SOOC_EVENT_STORE_URL: 'memory:', SOOC_READ_DB_URL: 'sqlite::memory:' });
    expect(startLines(config)[1]).toBe('events in memory (lost at exit), read models in memory (lost at exit)');
  });
});
