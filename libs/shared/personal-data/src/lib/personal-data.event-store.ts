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
 * versions through the upcasters, so deciders, projections, as-of readers and exports only ever
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

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readStream(streamId, options)).map((e) => this.upcasters.upcast(e));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readAll(options)).map((e) => this.upcasters.upcast(e));
  }

  subscribeAll(options?: SubscribeAllOptions): Subscription {
    const inner = this.inner.subscribeAll(options);
    const upcasters = this.upcasters;
    const lift = (result: IteratorResult<SubscriptionMessage>): IteratorResult<SubscriptionMessage> =>
      result.done || result.value.kind !== 'event'
        ? result
        : { done: false, value: { kind: 'event', event: upcasters.upcast(result.value.event) } };
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
