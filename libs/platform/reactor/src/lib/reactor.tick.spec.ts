import { ConfigError, EnvReader } from '@sooc/runtime';
import { DEFAULT_REACTOR_TICK_MS, readReactorTickMs } from './reactor.tick';

describe('readReactorTickMs', () => {
  it('defaults to one second', () => {
    expect(readReactorTickMs(new EnvReader({}))).toBe(DEFAULT_REACTOR_TICK_MS);
    expect(DEFAULT_REACTOR_TICK_MS).toBe(1_000);
  });

  it('lets the gateway read the tick with its own variables', () => {
    const reader = new EnvReader({ SOOC_REACTOR_TICK_MS: '250' });
    expect(readReactorTickMs(reader)).toBe(250);
    expect(() => reader.done()).not.toThrow();
  });

  it('reports a tick outside 50..60000 ms when the reader is done', () => {
    const reader = new EnvReader({ SOOC_REACTOR_TICK_MS: '10' });
    readReactorTickMs(reader);
    expect(() => reader.done()).toThrow(ConfigError);
  });
});
