import { openEventStore } from '@sooc/runtime';
import { preSealingDataDir, PRE_SEALING_MOTIVATIONS } from '@sooc/runtime/testing';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sooc } from './testing/sooc.run';

async function eventsOf(url: string) {
  const store = openEventStore(url);
  try {
    return await store.readAll();
  } finally {
    await store.close();
  }
}

describe('sooc events copy', () => {
  const dataDir = preSealingDataDir();
  const env = { SOOC_DATA_DIR: dataDir };
  const to = `sqlite:${join(dataDir, 'copy', 'events.sqlite')}`;
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('copies every event in order with its id, stream and revision, and no personal data in clear', async () => {
    const copied = await sooc(['events', 'copy', '--to', to], env);
    expect(copied.error).toBeNull();
    const source = await eventsOf(`sqlite:${join(dataDir, 'events.sqlite')}`);
    const copy = await eventsOf(to);
    expect(copied.out[0]).toMatch(new RegExp(`^copied ${source.length} events in `));
    expect(copied.out[1]).toContain(`set SOOC_EVENT_STORE_URL=${to}`);
    expect(copy.map((e) => [e.id, e.type, e.streamId, e.revision, e.metadata.occurredAt])).toEqual(
      source.map((e) => [e.id, e.type, e.streamId, e.revision, e.metadata.occurredAt]),
    );
    const file = readFileSync(join(dataDir, 'copy', 'events.sqlite'));
    for (const motivation of Object.values(PRE_SEALING_MOTIVATIONS)) expect(file.includes(motivation)).toBe(false);
  });

  it('refuses a store that holds events, the store itself and a missing --to, naming each', async () => {
    expect((await sooc(['events', 'copy', '--to', to], env)).error).toContain(
      'already holds events: copy into an empty event store',
    );
    expect((await sooc(['events', 'copy', '--to', `sqlite:${join(dataDir, 'events.sqlite')}`], env)).error).toContain(
      'names the store being copied',
    );
    expect((await sooc(['events', 'copy'], env)).error).toContain("required option '--to <url>'");
  });
});
