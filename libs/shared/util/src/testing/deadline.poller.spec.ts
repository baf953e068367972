import { eventually, until } from './deadline.poller';

describe('until', () => {
  it('resolves with the first value that is not null, undefined or false', async () => {
    const answers = [null, undefined, false, 0, 'never read'];
    let probes = 0;
    const value = await until('a number', () => answers[probes++], { timeoutMs: 1_000, intervalMs: 1 });
    expect(value).toBe(0);
    expect(probes).toBe(4);
  });

  it('waits for an asynchronous probe', async () => {
    let probes = 0;
    expect(await until('the third probe', async () => (++probes === 3 ? 'ready' : null), 1_000)).toBe('ready');
  });

  it('fails past its deadline, naming what it waited for', async () => {
    const started = Date.now();
    await expect(until('the kettle to boil', () => false, { timeoutMs: 100, intervalMs: 10 })).rejects.toThrow(
      'timed out after 100 ms waiting for the kettle to boil',
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('ends the wait with the error of a probe that throws', async () => {
    const broken = new Error('the probe broke');
    await expect(
      until(
        'anything',
        async () => {
          throw broken;
        },
        100,
      ),
    ).rejects.toBe(broken);
  });
});

describe('eventually', () => {
  it('resolves with the value read once it is done', async () => {
    let reads = 0;
    expect(
      await eventually(
        async () => ++reads,
        (n) => n === 2,
        1_000,
      ),
    ).toBe(2);
  });

  it('fails with the last value read', async () => {
    let reads = 0;
    await expect(
      eventually(
        async () => ({ reads: ++reads }),
        () => false,
        100,
      ),
    ).rejects.toThrow(/^not settled after 100 ms; last value: \{"reads":\d+\}$/);
  });
});
