import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RecordedEvent } from '@sooc/event-sourcing';
import { SqliteEventStore } from './lib/sqlite.event-store';

const repoRoot = resolve(__dirname, '../../../..');
const script = join(__dirname, 'testing/sqlite-writer.process.ts');
const [HOT_STREAMS, HOT_APPENDS, OWN_STREAMS, OWN_APPENDS] = [3, 15, 4, 15];

interface Report {
  readonly name: string;
  readonly written: string[];
  readonly conflicts: number;
}

function startWriter(file: string, name: string) {
  const args = [
    '--conditions=@sooc/source',
    '-r',
    join(repoRoot, 'tools/ts-register.cjs'),
    script,
    file,
    name,
    ...[HOT_STREAMS, HOT_APPENDS, OWN_STREAMS, OWN_APPENDS].map(String),
  ];
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  const ready = new Promise<void>((ok) => child.stdout.on('data', () => out.includes('ready\n') && ok()));
  const report = new Promise<Report>((ok, fail) =>
    child.on('exit', (code) =>
      code === 0 ? ok(JSON.parse(out.split('\n')[1]) as Report) : fail(new Error(`${name} exited ${code}: ${err}`)),
    ),
  );
  return { ready, report, go: () => child.stdin.end('go\n') };
}

describe('SqliteEventStore shared by two OS processes', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sooc-es-mp-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loses, duplicates and reorders nothing, and a live subscription here sees their appends', async () => {
    const file = join(dir, 'events.db');
    const observer = SqliteEventStore.open(file, { pollMs: 20 });
    const subscription = observer.subscribeAll();
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ kind: 'caught-up' });

    const writers = [startWriter(file, 'a'), startWriter(file, 'b')];
    await Promise.all(writers.map((w) => w.ready));
    writers.forEach((w) => w.go());
    const reports = await Promise.all(writers.map((w) => w.report));

    const expectedTotal = 2 * (HOT_STREAMS * 2 * HOT_APPENDS + OWN_STREAMS * OWN_APPENDS * 2);
    const written = reports.flatMap((r) => r.written);
    expect(written).toHaveLength(expectedTotal);

    const all = await observer.readAll();
    expect(all).toHaveLength(expectedTotal);
    expect(new Set(all.map((e) => e.id))).toEqual(new Set(written));
    for (let i = 1; i < all.length; i++) expect(all[i].position > all[i - 1].position).toBe(true);
    const byStream = new Map<string, RecordedEvent[]>();
    for (const e of all) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
    for (const events of byStream.values())
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => BigInt(i)));
    expect(byStream.get('hot-0')).toHaveLength(4 * HOT_APPENDS);
    // The retry path really ran, and the two processes really wrote the hot streams side by side.
    expect(reports.reduce((n, r) => n + r.conflicts, 0)).toBeGreaterThan(0);
    const by = all.map((e) => (e.data as { by: string }).by);
    // a…ab…ba…a at least: the processes took turns, neither ran all its work alone.
    expect(by.filter((w, i) => i > 0 && w !== by[i - 1]).length).toBeGreaterThanOrEqual(3);

    // Nothing was appended in this process: every live event came through polling the file.
    const live: string[] = [];
    while (live.length < expectedTotal) {
      const next = await iterator.next();
      if (next.done || next.value.kind !== 'event') throw new Error(`unexpected ${JSON.stringify(next)}`);
      live.push(next.value.event.id);
    }
    expect(live).toEqual(all.map((e) => e.id));
    await observer.close();
  }, 60_000);
});
