import { ConfigError } from '@sooc/runtime';
import { loadReactorConfig } from './reactor.config';

function problemsOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadReactorConfig', () => {
  it('defaults to the shared SQLite files and a tick of one second', () => {
    expect(loadReactorConfig({ SOOC_DATA_DIR: '/var/sooc' })).toStrictEqual({
      dataDir: '/var/sooc',
      eventStoreUrl: 'sqlite:/var/sooc/events.sqlite',
      readDbUrl: 'sqlite:/var/sooc/read.sqlite',
      logLevel: 'info',
      tickMs: 1000,
    });
  });

  it('reads SOOC_REACTOR_TICK_MS from 50 to 60000 ms and refuses anything else', () => {
    expect(loadReactorConfig({ SOOC_REACTOR_TICK_MS: '50' }).tickMs).toBe(50);
    expect(loadReactorConfig({ SOOC_REACTOR_TICK_MS: '60000' }).tickMs).toBe(60_000);
    for (const bad of ['49', '60001', '0.5', 'fast', '-100']) {
      expect(problemsOf(() => loadReactorConfig({ SOOC_REACTOR_TICK_MS: bad }))).toContain(`SOOC_REACTOR_TICK_MS="${bad}": expected an integer from 50 to 60000`);
    }
  });

  it('refuses stores only its own process could see, naming every bad variable at once', () => {
    const message = problemsOf(() => loadReactorConfig({ SOOC_EVENT_STORE_URL: 'memory:', SOOC_READ_DB_URL: 'sqlite::memory:', SOOC_REACTOR_TICK_MS: 'often' }));
    expect(message).toContain('SOOC_EVENT_STORE_URL="memory:": expected "sqlite:<path>"');
    expect(message).toContain('SOOC_READ_DB_URL="sqlite::memory:": expected "sqlite:<path>" or "postgres://…"');
    expect(message).toContain('SOOC_REACTOR_TICK_MS="often"');
  });
});
