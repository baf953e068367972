import { hostname } from 'node:os';
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
  it('defaults to the shared SQLite files, health and metrics on port 9465, a 5 s lease and a tick of one second', () => {
    expect(loadReactorConfig({ SOOC_DATA_DIR: '/var/sooc' })).toStrictEqual({
      dataDir: '/var/sooc',
      eventStoreUrl: 'sqlite:/var/sooc/events.sqlite',
      readDbUrl: 'sqlite:/var/sooc/read.sqlite',
      keyStoreUrl: 'sqlite:/var/sooc/keys.sqlite',
      logLevel: 'info',
      host: '0.0.0.0',
      port: 9465,
      leaseTtlMs: 5000,
      instanceId: `${hostname()}-${process.pid}`,
      tickMs: 1000,
    });
  });

  it('reads the worker variables', () => {
    expect(
      loadReactorConfig({ HOST: '127.0.0.1', PORT: '0', SOOC_LEASE_TTL_MS: '2000', SOOC_INSTANCE_ID: 'reactor-b' }),
    ).toMatchObject({ host: '127.0.0.1', port: 0, leaseTtlMs: 2000, instanceId: 'reactor-b' });
  });

  it('reads SOOC_REACTOR_TICK_MS from 50 to 60000 ms and refuses anything else', () => {
    expect(loadReactorConfig({ SOOC_REACTOR_TICK_MS: '50' }).tickMs).toBe(50);
    expect(loadReactorConfig({ SOOC_REACTOR_TICK_MS: '60000' }).tickMs).toBe(60_000);
    for (const bad of ['49', '60001', '0.5', 'fast', '-100']) {
      expect(problemsOf(() => loadReactorConfig({ SOOC_REACTOR_TICK_MS: bad }))).toContain(
        `SOOC_REACTOR_TICK_MS="${bad}": expected an integer from 50 to 60000`,
      );
    }
  });

  it('refuses stores only its own process could see, naming every bad variable at once', () => {
    const message = problemsOf(() =>
      loadReactorConfig({
        SOOC_EVENT_STORE_URL: 'memory:',
        SOOC_READ_DB_URL: 'sqlite::memory:',
        SOOC_REACTOR_TICK_MS: 'often',
        SOOC_LEASE_TTL_MS: '500',
      }),
    );
    expect(message).toContain('SOOC_EVENT_STORE_URL="memory:": expected "sqlite:<path>"');
    expect(message).toContain('SOOC_READ_DB_URL="sqlite::memory:": expected "sqlite:<path>" or "postgres://…"');
    expect(message).toContain('SOOC_REACTOR_TICK_MS="often"');
    expect(message).toContain('SOOC_LEASE_TTL_MS="500"');
  });
});
