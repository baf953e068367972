import type { RecordedEvent } from './event.types';

/**
 * Old event shapes are upcast on read, never rewritten: one function per (type, schemaVersion)
 * step, applied until the event reaches the current version.
 */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  readonly upcast: (data: unknown) => unknown;
}

export function upcasterChain(upcasters: readonly Upcaster[]): (event: RecordedEvent) => RecordedEvent {
  const byKey = new Map(upcasters.map((u) => [`${u.type}@${u.fromVersion}`, u]));
  return (event) => {
    let current = event;
    for (let step = byKey.get(`${current.type}@${current.metadata.schemaVersion}`); step; step = byKey.get(`${current.type}@${current.metadata.schemaVersion}`)) {
      current = { ...current, data: step.upcast(current.data), metadata: { ...current.metadata, schemaVersion: step.fromVersion + 1 } };
    }
    return current;
  };
}
