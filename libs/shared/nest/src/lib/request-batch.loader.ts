import { RequestContext, type RequestContextData } from './request-context';

/** Loads many keys at once; a key missing from the map it gives back is null. */
export type BatchLoad<V> = (keys: readonly string[]) => Promise<ReadonlyMap<string, V>>;

interface Pending<V> {
  readonly keys: Set<string>;
  readonly result: Promise<ReadonlyMap<string, V>>;
}

/**
 * Against N+1 reads: the keys asked for by the resolvers of one request (a field on each of 50
 * list items) are gathered until the resolvers have all run, then read in one call. Batches never
 * span two requests (a batch is read with its request's caller and read-your-writes state): each
 * request has its own, kept only as long as the request's context lives.
 */
export class RequestBatchLoader<V> {
  private readonly pending = new WeakMap<RequestContextData, Pending<V>>();

  constructor(private readonly load: BatchLoad<V>) {}

  async get(key: string): Promise<V | null> {
    const context = RequestContext.current();
    let batch = this.pending.get(context);
    if (!batch) {
      const keys = new Set<string>();
      // setImmediate runs after every promise job queued now: the sibling resolvers have asked by then.
      const result = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        this.pending.delete(context);
        return this.load([...keys]);
      });
      batch = { keys, result };
      this.pending.set(context, batch);
    }
    batch.keys.add(key);
    return (await batch.result).get(key) ?? null;
  }
}
