import { Signal } from './signal';

describe('Signal', () => {
  it('wakes a waiter that noted the version before a fire that came before it waited', async () => {
    const signal = new Signal();
    const seen = signal.version;
    signal.fire();
    await signal.listen(seen).fired;
    expect(signal.version).toBe(seen + 1);
  });

  it('lets the next fire end a wait early, and a wait end on its timeout without one', async () => {
    const signal = new Signal();
    const waited = signal.wait(60_000);
    signal.fire();
    await waited;
    const started = performance.now();
    await signal.wait(20);
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
  });

  it('as a stop: once fired it is set, and every sleep after it ends at once and says so', async () => {
    const stop = new Signal();
    expect(stop.isSet).toBe(false);
    expect(await stop.sleep(1)).toBe(true);
    stop.fire();
    expect(stop.isSet).toBe(true);
    expect(await stop.sleep(60_000)).toBe(false);
  });

  it('keeps a fire that came while nobody slept for the next sleep since the version last seen', async () => {
    const wakeup = new Signal();
    let seen = wakeup.version;
    wakeup.fire();
    expect(await wakeup.sleep(60_000, seen)).toBe(false);
    seen = wakeup.version;
    expect(await wakeup.sleep(5, seen)).toBe(true);
  });

  it('leaves no waiter behind when a wait times out', async () => {
    const signal = new Signal();
    for (let i = 0; i < 100; i++) await signal.wait(0);
    expect((signal as unknown as { waiters: Set<unknown> }).waiters.size).toBe(0);
  });
});
