/**
 * Identical reads asked for while one is in flight share the next one, which starts after the
 * last of them asked: never an answer older than the question, and one server round trip for a
 * crowd. Every mutation's read-your-writes asks the head position and the next relevant event,
 * and a burst of mutations asks the same question hundreds of times at once; on SQLite each
 * answer is a local query, on EventStoreDB each is a gRPC call.
 */
export class SharedReads<T> {
  private readonly inFlight = new Map<string, Promise<T>>();
  private readonly queued = new Map<string, Promise<T>>();

  run(key: string, read: () => Promise<T>): Promise<T> {
    const current = this.inFlight.get(key);
    if (!current) return this.start(key, read);
    let next = this.queued.get(key);
    if (!next) {
      next = current
        .catch(() => undefined)
        .then(() => {
          this.queued.delete(key);
          return this.start(key, read);
        });
      this.queued.set(key, next);
    }
    return next;
  }

  private start(key: string, read: () => Promise<T>): Promise<T> {
    const started = read().finally(() => {
      if (this.inFlight.get(key) === started) this.inFlight.delete(key);
    });
    this.inFlight.set(key, started);
    return started;
  }
}
