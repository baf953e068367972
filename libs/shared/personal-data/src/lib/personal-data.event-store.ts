import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeAllOptions,
  Subscription,
  SubscriptionMessage,
  UpcasterRegistry,
} from '@sooc/event-sourcing';
import type { PersonalDataVault } from './personal-data.vault';

/**
 * The event store every part of the system uses: writes stamp each event's current schema version
 * and seal its personal fields; every read path (a stream, `$all`, a subscription) lifts old
 * versions through the upcasters (sealing what an old release wrote in clear), so deciders, projections, as-of readers and exports only ever
 * see the current shape. Sealed values stay sealed: only the edge opens them.
 */
export class PersonalDataEventStore implements EventStore {
  constructor(
    /** The adapter underneath (SQLite, EventStoreDB, memory). */
    readonly inner: EventStore,
    private readonly vault: PersonalDataVault,
    private readonly upcasters: UpcasterRegistry,
  ) {}

  async append(streamId: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    const stored = await Promise.all(events.map((e) => this.toStore(e)));
    return this.inner.append(streamId, stored, options);
  }

  private async toStore(event: EventToAppend): Promise<EventToAppend> {
    const schemaVersion = this.upcasters.currentVersion(event.type);
    const data = this.vault.declares(event.type) ? await this.vault.sealData(event.type, event.data) : event.data;
    if (data === event.data && schemaVersion === event.metadata.schemaVersion) return event;
    return { ...event, data, metadata: { ...event.metadata, schemaVersion } };
  }

  /**
   * The event in its current version. One written by a release before sealing (on EventStoreDB,
   * until `sooc events copy` rewrites the store) has its personal data sealed on the way out, so
   * no reader, read model or export ever holds it in clear and erasure reaches it.
   */
  private lift(event: RecordedEvent): RecordedEvent | Promise<RecordedEvent> {
    const current = this.upcasters.upcast(event);
    if (!this.vault.writtenInClear(event.type, event.metadata.schemaVersion)) return current;
    return this.vault.sealWrittenInClear(current.type, current.data).then((data) => ({ ...current, data }));
  }

  private async liftAll(events: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
    // Nearly every event was written sealed: no promise made for those.
    const lifted = events.map((e) => this.lift(e));
    return lifted.some((e) => e instanceof Promise) ? Promise.all(lifted) : (lifted as RecordedEvent[]);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.liftAll(await this.inner.readStream(streamId, options));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.liftAll(await this.inner.readAll(options));
  }

  subscribeAll(options?: SubscribeAllOptions): Subscription {
    const inner = this.inner.subscribeAll(options);
    const lift = async (result: IteratorResult<SubscriptionMessage>): Promise<IteratorResult<SubscriptionMessage>> =>
      result.done || result.value.kind !== 'event'
        ? result
        : { done: false, value: { kind: 'event', event: await this.lift(result.value.event) } };
    return {
      close: () => inner.close(),
      [Symbol.asyncIterator]() {
        const iterator = inner[Symbol.asyncIterator]();
        return {
          next: async () => lift(await iterator.next()),
          return: async (value?: unknown) => (iterator.return ? iterator.return(value) : { done: true, value }),
        } as AsyncIterator<SubscriptionMessage>;
      },
    };
  }

  headPosition(): Promise<bigint | null> {
    return this.inner.headPosition();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
