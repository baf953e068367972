import type { RecordedEvent } from './event.types';

/**
 * Lifts one event type's data from `fromVersion` to `fromVersion + 1`. Pure: the event store
 * keeps what was written; every read path lifts old events to the shape the code knows.
 */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  readonly up: (data: unknown) => unknown;
}

/** Every upcaster of the system, by type and version, and the version each type is written at now. */
export class UpcasterRegistry {
  private readonly byType = new Map<string, Map<number, Upcaster>>();

  constructor(upcasters: readonly Upcaster[]) {
    for (const upcaster of upcasters) {
      const chain = this.byType.get(upcaster.type) ?? new Map<number, Upcaster>();
      if (chain.has(upcaster.fromVersion))
        throw new Error(`Two upcasters of ${upcaster.type} from version ${upcaster.fromVersion}`);
      chain.set(upcaster.fromVersion, upcaster);
      this.byType.set(upcaster.type, chain);
    }
    for (const [type, chain] of this.byType) {
      for (let v = 1; v < this.currentVersion(type); v++)
        if (!chain.has(v)) throw new Error(`The upcasters of ${type} skip version ${v}`);
    }
  }

  /** The schema version new events of this type are written at: 1 + the highest upcaster's source. */
  currentVersion(type: string): number {
    const chain = this.byType.get(type);
    return chain ? Math.max(...chain.keys()) + 1 : 1;
  }

  /** The event as the current code expects it; the same object when it is current already. */
  upcast<E extends RecordedEvent>(event: E): E {
    const chain = this.byType.get(event.type);
    if (!chain) return event;
    let version = event.metadata.schemaVersion;
    let data: unknown = event.data;
    for (let upcaster = chain.get(version); upcaster; upcaster = chain.get(version)) {
      data = upcaster.up(data);
      version += 1;
    }
    if (version === event.metadata.schemaVersion) return event;
    return { ...event, data, metadata: { ...event.metadata, schemaVersion: version } } as E;
  }
}
