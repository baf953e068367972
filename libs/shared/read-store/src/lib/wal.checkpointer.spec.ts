import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { until } from '@sooc/util/testing';
import { openReadDatabase } from './read-database';
import { checkpointInBackground } from './wal.checkpointer';

const PAGE = 4096;

/** A file in WAL mode with one table, and a connection to it. */
function walFile(dir: string): { path: string; db: Database.Database } {
  const path = join(dir, 'read.sqlite');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  return { path, db };
}

/** About `pages` pages of rows, in commits of ten rows (each row about a page). */
function write(db: Database.Database, pages: number, from = 0): void {
  const insert = db.prepare('INSERT INTO rows (id, body) VALUES (?, ?)');
  const ten = db.transaction((first: number) => {
    for (let id = first; id < first + 10; id++) insert.run(id, 'x'.repeat(PAGE - 200));
  });
  for (let first = from; first < from + pages; first += 10) ten(first);
}

describe('checkpointInBackground', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sooc-wal-checkpointer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies the commits into the database file from its own thread while the connection checkpoints none itself', async () => {
    const { path, db } = walFile(dir);
    const checkpointer = checkpointInBackground(db, path, 50);
    try {
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      const before = statSync(path).size;
      write(db, 1_500);
      // The writes went to the WAL; only a checkpoint grows the database file by them.
      await until(
        'the checkpoint to grow the database file',
        () => statSync(path).size >= before + 1_400 * PAGE,
        10_000,
      );
      expect(db.prepare('SELECT count(*) FROM rows').pluck().get()).toBe(1_500);
    } finally {
      await checkpointer.stop();
      db.close();
    }
  });

  it('leaves checkpoints to the connection itself again when the background connection cannot run', async () => {
    const { db } = walFile(dir);
    const checkpointer = checkpointInBackground(db, join(dir, 'missing', 'read.sqlite'), 50);
    try {
      await until(
        'the connection to checkpoint itself again',
        () => db.pragma('wal_autocheckpoint', { simple: true }) === 1000,
        10_000,
      );
      const size = statSync(join(dir, 'read.sqlite')).size;
      write(db, 1_500);
      // SQLite's own checkpoint, at 1,000 pages, ran inside a commit.
      expect(statSync(join(dir, 'read.sqlite')).size).toBeGreaterThan(size + 500 * PAGE);
    } finally {
      await checkpointer.stop();
      db.close();
    }
  });

  it('keeps the process alive until the background connection has closed, so what follows the close still runs', async () => {
    // A service closes its stores last, then logs; the worker alone must not let it end before.
    const child = spawn(
      process.execPath,
      [
        '--conditions=@sooc/source',
        '-r',
        './tools/ts-register.cjs',
        'libs/shared/read-store/src/testing/close.child.ts',
        join(dir, 'read.sqlite'),
      ],
      { cwd: join(__dirname, '../../../../..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect({ code, output }).toEqual({ code: 0, output: 'closed\n' });
    expect(existsSync(join(dir, 'read.sqlite-wal'))).toBe(false);
  });

  it('is how openReadDatabase checkpoints when asked, and closing leaves every row in the file and no WAL', async () => {
    const path = join(dir, 'read.sqlite');
    const read = openReadDatabase(`sqlite:${path}`, { backgroundCheckpoints: true });
    await sql`CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`.execute(read.db);
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(read.db);
    expect(rows[0]?.wal_autocheckpoint).toBe(0);
    for (let id = 0; id < 200; id++)
      await sql`INSERT INTO rows (id, body) VALUES (${id}, ${'y'.repeat(3000)})`.execute(read.db);
    await read.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    const reopened = new Database(path, { readonly: true });
    try {
      expect(reopened.prepare('SELECT count(*) FROM rows').pluck().get()).toBe(200);
    } finally {
      reopened.close();
    }
  });
});
