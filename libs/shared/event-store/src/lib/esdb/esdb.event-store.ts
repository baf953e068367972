import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  type AllStreamResolvedEvent,
  type Position,
} from '@eventstore/db-client';
import {
  ValidationError,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeAllOptions,
  type Subscription,
} from '@sooc/event-sourcing';
import { checkStreamId, prepareAppend } from '../append-input';
import { checkPosition, limitOf, matchesFilter, normaliseFilter, subscriptionStart } from '../read-options';
import { storeClosed } from '../store-closed.error';
import { isSystemEvent, toEventData, toRecorded } from './esdb.envelope';
import { redact, translateError } from './esdb.error';
import { serverFilterOf } from './esdb.filter';
import { SharedReads } from './esdb.shared-read';
import { EsdbSubscription } from './esdb.subscription';

const ESDB_URL = /^esdb(\+discover)?:\/\/\S+$/;

export interface EsdbEventStoreOptions {
  /**
   * Most events per $all page (default 1000, at least 2). This client's readAll cannot filter, so
   * filtered-out and system events are skipped here, a page at a time.
   */
  readonly pageSize?: number;
}

/**
 * The first page asks for what is still wanted (plus the event at the cursor the server may send
 * again): `max: 1` reads (headPosition, read-your-writes after every mutation) cost two events,
 * not a page. A page that was all skipped events (a real server's tail is often its own stats
 * events) doubles the next one, up to pageSize, so a long run of them is crossed in a few calls.
 */
const FIRST_PAGE = 2;

/**
 * The port over EventStoreDB / KurrentDB through @eventstore/db-client. It only translates:
 * revisions, positions (the commit position), filters, errors. Input is checked as every adapter
 * checks it, before anything is sent.
 */
export class EsdbEventStore implements EventStore {
  private closed = false;
  private readonly subscriptions = new Set<EsdbSubscription>();
  private readonly sharedReads = new SharedReads<RecordedEvent[]>();

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly url: string,
    private readonly pageSize: number,
  ) {}

  /** `esdb://host:port?tls=false` or `esdb+discover://…`. The client connects on first use, so this never waits. */
  static connect(url: string, options: EsdbEventStoreOptions = {}): EsdbEventStore {
    if (!ESDB_URL.test(url)) {
      throw new ValidationError('STORE.URL_INVALID', 'An EventStoreDB URL starts with esdb:// or esdb+discover://', [
        { field: 'url', message: 'must be esdb://… or esdb+discover://…' },
      ]);
    }
    const pageSize = options.pageSize ?? 1000;
    if (!Number.isSafeInteger(pageSize) || pageSize < 2) {
      throw new ValidationError('STORE.PAGE_SIZE_INVALID', `pageSize must be an integer ≥ 2, got ${pageSize}`, [
        { field: 'pageSize', message: 'must be an integer ≥ 2' },
      ]);
    }
    let client: EventStoreDBClient;
    try {
      client = EventStoreDBClient.connectionString(url);
    } catch (error) {
      throw new ValidationError(
        'STORE.URL_INVALID',
        `EventStoreDB URL ${redact(url)} is malformed: ${(error as Error).message}`,
        [{ field: 'url', message: 'malformed' }],
      );
    }
    return new EsdbEventStore(client, url, pageSize);
  }

  async append(streamId: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    if (this.closed) throw storeClosed();
    prepareAppend(streamId, events, options?.expectedRevision);
    const expected = options.expectedRevision;
    try {
      const result = await this.client.appendToStream(streamId, events.map(toEventData), {
        expectedRevision: expected,
      });
      if (!result.position) throw new Error(`EventStoreDB acknowledged the append to ${streamId} without a position`);
      return { nextExpectedRevision: result.nextExpectedRevision, position: result.position.commit };
    } catch (error) {
      throw translateError(error, this.url, { streamId, expected });
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (this.closed) throw storeClosed();
    checkStreamId(streamId);
    checkPosition(options.from, 'from');
    const maxCount = limitOf(options.max);
    if (maxCount === 0) return [];
    const backwards = options.direction === 'backwards';
    const from = options.from ?? (backwards ? 'end' : 'start');
    const out: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        fromRevision: from === 'start' ? START : from === 'end' ? END : from,
        direction: backwards ? BACKWARDS : FORWARDS,
        maxCount,
      });
      for await (const resolved of read) if (resolved.event) out.push(toRecorded(resolved.event));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw translateError(error, this.url);
    }
    return out;
  }

  /**
   * Pages through $all, keeping the port's exclusive `from` whatever the server does with the
   * event at that position, and skipping system events and what the filter leaves out.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    if (this.closed) throw storeClosed();
    const key = JSON.stringify(options, (_, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
    // Each caller gets its own array: one may sort or splice what it was given.
    return [...(await this.sharedReads.run(key, () => this.readAllNow(options)))];
  }

  private async readAllNow(options: ReadAllOptions): Promise<RecordedEvent[]> {
    checkPosition(options.from, 'from');
    const max = limitOf(options.max);
    const filter = normaliseFilter(options.filter);
    const backwards = options.direction === 'backwards';
    const from = options.from ?? (backwards ? 'end' : 'start');
    const out: RecordedEvent[] = [];
    if (max === 0 || from === (backwards ? 'start' : 'end')) return out;
    let bound = typeof from === 'bigint' ? from : undefined;
    let cursor: Position | typeof START | typeof END =
      typeof from === 'bigint' ? { commit: from, prepare: from } : from === 'start' ? START : END;
    let floor = FIRST_PAGE;
    for (;;) {
      // One more than still wanted: the server may hand back the event at the cursor again.
      const wanted = Math.min(this.pageSize, Math.max(floor, max - out.length + 1));
      const page = await this.page(cursor, backwards, wanted);
      for (const { event } of page) {
        if (!event?.position) continue;
        const position = event.position.commit;
        if (bound !== undefined && (backwards ? position >= bound : position <= bound)) continue;
        bound = position;
        cursor = event.position;
        if (isSystemEvent(event) || !matchesFilter(filter, event.streamId, event.type)) continue;
        out.push(toRecorded(event));
        if (out.length === max) return out;
      }
      if (page.length < wanted || bound === undefined) return out;
      floor = Math.min(this.pageSize, wanted * 2);
    }
  }

  subscribeAll(options: SubscribeAllOptions = {}): Subscription {
    if (this.closed) throw storeClosed();
    const after =
      options.from === undefined || options.from === 'start' ? undefined : subscriptionStart(options.from, 0n);
    const filter = normaliseFilter(options.filter);
    const source = this.client.subscribeToAll({
      fromPosition: after === undefined ? START : { commit: after, prepare: after },
      filter: serverFilterOf(filter),
    });
    const subscription = new EsdbSubscription(source, {
      accept: (event) => matchesFilter(filter, event.streamId, event.type),
      translate: (error) => translateError(error, this.url),
      onClose: (s) => this.subscriptions.delete(s),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<bigint | null> {
    const [newest] = await this.readAll({ direction: 'backwards', max: 1 });
    return newest?.position ?? null;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
  }

  private async page(
    cursor: Position | typeof START | typeof END,
    backwards: boolean,
    maxCount: number,
  ): Promise<AllStreamResolvedEvent[]> {
    const page: AllStreamResolvedEvent[] = [];
    try {
      for await (const resolved of this.client.readAll({
        fromPosition: cursor,
        direction: backwards ? BACKWARDS : FORWARDS,
        maxCount,
      }))
        page.push(resolved);
    } catch (error) {
      throw translateError(error, this.url);
    }
    return page;
  }
}
