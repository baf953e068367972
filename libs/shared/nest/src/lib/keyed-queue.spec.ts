import { KeyedQueue } from './keyed-queue';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('KeyedQueue', () => {
  it('runs tasks of one key in order, one at a time', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await tick(ms);
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([queue.run('k', task('a', 10)), queue.run('k', task('b', 1))]);
    expect(results).toEqual(['a', 'b']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('runs different keys concurrently and keeps going after a failure', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const slow = queue.run('x', async () => {
      await tick(10);
      log.push('x');
    });
    const failing = queue.run('y', async () => {
      throw new Error('boom');
    });
    const after = queue.run('y', async () => log.push('y'));
    await expect(failing).rejects.toThrow('boom');
    await Promise.all([slow, after]);
    expect(log).toEqual(['y', 'x']);
    await tick(0);
    expect(queue.size).toBe(0);
  });
});
