import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEventId, type EventToAppend } from '@sooc/event-sourcing';
import { SqliteEventStore } from './lib/sqlite.event-store';
import { timeAppends, type AppendTiming } from './lib/timed.event-store';

const event = (): EventToAppend => ({
  id: newEventId(),
  type: 'CourseDrafted',
  data: { courseId: 'c-1' },
  metadata: {
    occurredAt: '2026-03-03T09:00:00.000Z',
    actor: { id: 'admin-1', role: 'admin' },
    correlationId: 'c-1',
    causationId: null,
    schemaVersion: 1,
  },
});

describe('timeAppends', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sooc-timed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports each append of a real store with its outcome: written, refused for its revision, failed', async () => {
    const inner = SqliteEventStore.open(join(dir, 'events.sqlite'));
    const timed = timeAppends(inner);
    const seen: AppendTiming[] = [];
    timed.onAppend((timing) => seen.push(timing));

    await timed.store.append('course-c-1', [event()], { expectedRevision: 'no_stream' });
    await expect(timed.store.append('course-c-1', [event()], { expectedRevision: 'no_stream' })).rejects.toThrow();
    // Reads go through to the store, untimed.
    expect(await timed.store.readStream('course-c-1')).toHaveLength(1);
    expect(seen).toHaveLength(2);
    await inner.close();
    await expect(timed.store.append('course-c-2', [event()], { expectedRevision: 'no_stream' })).rejects.toThrow();

    expect(seen.map((t) => t.outcome)).toEqual(['ok', 'conflict', 'error']);
    for (const { seconds } of seen) {
      expect(seconds).toBeGreaterThanOrEqual(0);
      expect(seconds).toBeLessThan(10);
    }
  });
});
