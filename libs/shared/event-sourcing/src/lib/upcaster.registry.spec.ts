import { recorded as recordedEvent } from './recorded.fixture';
import { UpcasterRegistry, type Upcaster } from './upcaster.registry';

const rename: Upcaster = {
  type: 'Thing',
  fromVersion: 1,
  up: (d) => ({ title: (d as { name: string }).name }),
};
const addTags: Upcaster = { type: 'Thing', fromVersion: 2, up: (d) => ({ ...(d as object), tags: [] }) };

describe('UpcasterRegistry', () => {
  const registry = new UpcasterRegistry([addTags, rename]);

  it('writes each type at one past its last upcaster, and types without any at 1', () => {
    expect(registry.currentVersion('Thing')).toBe(3);
    expect(registry.currentVersion('Other')).toBe(1);
  });

  it('lifts an event through every step from its stored version, and says so in its metadata', () => {
    const v1 = recordedEvent({ type: 'Thing', data: { name: 'a' } });
    const lifted = registry.upcast(v1);
    expect(lifted.data).toEqual({ title: 'a', tags: [] });
    expect(lifted.metadata.schemaVersion).toBe(3);
    expect(v1.data).toEqual({ name: 'a' });
    const v2 = { ...v1, data: { title: 'b' }, metadata: { ...v1.metadata, schemaVersion: 2 } };
    expect(registry.upcast(v2).data).toEqual({ title: 'b', tags: [] });
  });

  it('hands back the same event when it is current, or of a type with no upcaster', () => {
    const current = recordedEvent({ type: 'Thing', data: { title: 'c', tags: [] } });
    const stamped = { ...current, metadata: { ...current.metadata, schemaVersion: 3 } };
    expect(registry.upcast(stamped)).toBe(stamped);
    const other = recordedEvent({ type: 'Other', data: {} });
    expect(registry.upcast(other)).toBe(other);
  });

  it('refuses a chain with a gap or two upcasters from one version', () => {
    expect(() => new UpcasterRegistry([addTags])).toThrow(/skip version 1/);
    expect(() => new UpcasterRegistry([rename, rename])).toThrow(/Two upcasters of Thing from version 1/);
  });
});
