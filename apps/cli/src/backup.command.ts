import Database from 'better-sqlite3';
import { Command } from 'commander';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { StoreConfig } from '@sooc/runtime';
import type { ProgressOutput } from './replay.progress';
import { cliStoreConfig } from './stores.option';

/** What a backup directory holds besides its files: checked by restore before it copies anything. */
interface Manifest {
  readonly format: 'sooc-backup/1';
  readonly takenAt: string;
  /** The newest event in the copy (a global position), or null for an empty store. */
  readonly headPosition: string | null;
  readonly files: readonly string[];
}

const MANIFEST = 'sooc-backup.json';
const EVENTS = 'events.sqlite';
const KEYS = 'keys.sqlite';
/** The gateway's signing key and reference key (SOOC_AUTH=local): tokens and opaque references outlive a restore. */
const AUTH = 'auth';

/** The embedded stores' files, or why this deployment's stores are not ours to back up. */
function embeddedFiles(store: StoreConfig): { events: string; keys: string | null; auth: string } | string {
  if (!store.eventStoreUrl.startsWith('sqlite:') || store.eventStoreUrl === 'sqlite::memory:')
    return `the event store is ${store.eventStoreUrl.split(':')[0]}, not an embedded SQLite file: back up EventStoreDB with its own tools (docs/DEPLOYMENT.md, "Backup and restore")`;
  const path = (url: string) => url.slice('sqlite:'.length).replace(/^\/\//, '');
  return {
    events: resolve(path(store.eventStoreUrl)),
    keys: store.keyStoreUrl.startsWith('sqlite:') ? resolve(path(store.keyStoreUrl)) : null,
    auth: resolve(store.dataDir, AUTH),
  };
}

/**
 * SQLite's online backup of one file: consistent while the gateway writes. Each step copies
 * under a read transaction, and a step interrupted by another connection's write starts the
 * copy again, so after a first step that sizes it the rest goes in one step (WAL: writers are
 * not blocked meanwhile).
 */
async function backupFile(from: string, to: string, label: string, progressOut: ProgressOutput): Promise<void> {
  const db = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await db.backup(to, {
      progress: ({ totalPages, remainingPages }) => {
        progressOut.write(`${label}: ${totalPages - remainingPages} / ${totalPages} pages\n`);
        return Math.max(remainingPages, 100);
      },
    });
  } finally {
    db.close();
  }
}

function headOf(file: string): string | null {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT max(position) AS head FROM events').get() as { head: number | bigint | null };
    return row.head === null ? null : String(row.head);
  } finally {
    db.close();
  }
}

export function backupCommand(env: NodeJS.ProcessEnv, print: (line: string) => void, progressOut: ProgressOutput) {
  return new Command('backup')
    .description(
      'Copy the embedded stores (the events, the learners’ keys, the gateway’s keys) into DIR, a new directory, with ' +
        'SQLite’s online backup: consistent while the gateway runs and writes. Read models are not copied: they are ' +
        'rebuilt from the events. EventStoreDB and PostgreSQL have their own tools (docs/DEPLOYMENT.md)',
    )
    .argument('<dir>', 'where to write the backup (must not exist, or be empty)')
    .action(async (dir: string, _options: unknown, command: Command) => {
      const files = embeddedFiles(cliStoreConfig(env, command).store);
      if (typeof files === 'string') return command.error(files);
      if (!existsSync(files.events)) return command.error(`no event store at ${files.events}: nothing to back up`);
      const target = resolve(dir);
      if (existsSync(target) && readdirSync(target).length > 0)
        return command.error(`${target} exists and is not empty: back up into a new directory`);
      mkdirSync(target, { recursive: true });
      const copied: string[] = [EVENTS];
      await backupFile(files.events, join(target, EVENTS), 'events', progressOut);
      if (files.keys && existsSync(files.keys)) {
        await backupFile(files.keys, join(target, KEYS), 'keys', progressOut);
        copied.push(KEYS);
      }
      if (existsSync(files.auth)) {
        cpSync(files.auth, join(target, AUTH), { recursive: true });
        copied.push(AUTH);
      }
      const manifest: Manifest = {
        format: 'sooc-backup/1',
        takenAt: new Date().toISOString(),
        headPosition: headOf(join(target, EVENTS)),
        files: copied,
      };
      writeFileSync(join(target, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
      print(`backed up ${copied.join(', ')} to ${target} (events up to position ${manifest.headPosition ?? 'none'})`);
    });
}

export function restoreCommand(env: NodeJS.ProcessEnv, print: (line: string) => void) {
  return new Command('restore')
    .description(
      'Put a backup made by `sooc backup` back as the embedded stores named by SOOC_DATA_DIR (or the SOOC_*_URL ' +
        'variables). Refuses to overwrite anything: stop the gateway and move its files away first. The read models ' +
        'are rebuilt from the events by the next projector (or `sooc projections rebuild`)',
    )
    .argument('<dir>', 'a directory written by `sooc backup`')
    .action(async (dir: string, _options: unknown, command: Command) => {
      const source = resolve(dir);
      const manifestFile = join(source, MANIFEST);
      if (!existsSync(manifestFile)) return command.error(`${source} holds no ${MANIFEST}: not a sooc backup`);
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
      if (manifest.format !== 'sooc-backup/1')
        return command.error(`${manifestFile}: unknown format ${JSON.stringify(manifest.format)}`);
      const config = cliStoreConfig(env, command).store;
      const files = embeddedFiles(config);
      if (typeof files === 'string') return command.error(files.replace('back up', 'restore'));
      const readDb = config.readDbUrl.startsWith('sqlite:') ? resolve(config.readDbUrl.slice('sqlite:'.length)) : null;
      const targets = [files.events, files.keys, files.auth, readDb].filter(
        (f): f is string => f !== null && existsSync(f),
      );
      if (targets.length > 0)
        return command.error(
          `${targets.join(', ')} already exist${targets.length === 1 ? 's' : ''}: a gateway or worker may be running on ` +
            'these stores. Stop every process using them and move the files away, then restore',
        );
      mkdirSync(resolve(files.events, '..'), { recursive: true });
      copyFileSync(join(source, EVENTS), files.events);
      const restored = [files.events];
      if (manifest.files.includes(KEYS)) {
        if (!files.keys)
          return command.error(`the backup holds learners' keys but SOOC_KEY_STORE_URL is not a SQLite file`);
        copyFileSync(join(source, KEYS), files.keys);
        restored.push(files.keys);
      }
      if (manifest.files.includes(AUTH)) {
        cpSync(join(source, AUTH), files.auth, { recursive: true });
        restored.push(files.auth);
      }
      print(
        `restored ${restored.join(', ')} (events up to position ${manifest.headPosition ?? 'none'}, taken ${manifest.takenAt})`,
      );
      print(
        'next: start the gateway (its projector builds the read models from the events) or run `sooc projections rebuild`',
      );
    });
}
