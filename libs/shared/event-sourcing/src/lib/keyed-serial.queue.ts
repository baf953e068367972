/**
 * Runs tasks one at a time per key, in call order, and tasks of different keys freely side by
 * side. Wrapping read → decide → append per stream in it (STACK pitfall 8) turns N concurrent
 * commands on one hot stream from O(N) optimistic retries each into a plain queue; the store's
 * expected-revision check stays as the backstop against other processes.
 */
export class KeyedSerialQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    // The next task waits for this one to settle either way: one failure must not jam the key.
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a task running or waiting (lets tests check that finished keys are forgotten). */
  get size(): number {
    return this.tails.size;
  }
}
