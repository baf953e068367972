import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';

/** How often the background connection copies the WAL back into the database file. */
const CHECKPOINT_INTERVAL_MS = 500;
/** SQLite's own default, put back if the background connection dies. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

export interface WalCheckpointer {
  /** Stops the background connection; closing it, the last one, checkpoints what is left. */
  stop(): Promise<void>;
}

/**
 * The worker's whole program: its own connection to the file, a PASSIVE checkpoint every
 * interval (it never waits for the writer nor blocks it), closed on 'stop'. A failed checkpoint
 * (a full disk, a busy lock) is tried again at the next interval; frames stay in the WAL meanwhile.
 */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { db.close(); } catch {}
  parentPort.close();
});
`;

/**
 * Moves the WAL checkpoints of a busy SQLite file off the caller's thread. With SQLite's
 * automatic checkpoint, the commit that crosses 1,000 WAL pages copies them into the database
 * file (and syncs it) on the thread that committed: under the admission load the read store's
 * COMMITs took ~390 µs of the gateway's thread per submission, ~180 µs without the checkpoints
 * (docs/ARCHITECTURE.md, "Read store and projection runner decisions"). Here the caller's connection stops checkpointing and a
 * worker thread with its own connection checkpoints on a timer, concurrently with the writes
 * (WAL allows one checkpointer beside one writer); pages rewritten between two checkpoints are
 * copied once. Should the worker die, the connection checkpoints by itself again.
 */
export function checkpointInBackground(
  database: Database.Database,
  path: string,
  intervalMs = CHECKPOINT_INTERVAL_MS,
): WalCheckpointer {
  const worker = new Worker(PROGRAM, {
    eval: true,
    workerData: { path, driver: require.resolve('better-sqlite3'), intervalMs },
    // Its program is plain JavaScript: none of the process's flags (the source hooks of a dev run).
    execArgv: [],
  });
  // A process that forgot to stop it still exits.
  worker.unref();
  let stopping: Promise<void> | null = null;
  const exited = new Promise<void>((done) => worker.once('exit', () => done()));
  // An error (it could not open the file) ends the worker: the connection checkpoints again.
  worker.on('error', () => undefined);
  void exited.then(() => {
    if (!stopping && database.open) database.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
  });
  database.pragma('wal_autocheckpoint = 0');
  return {
    stop: () => {
      if (!stopping) {
        stopping = exited;
        // Held now: a process whose last other handle just closed would otherwise end before
        // the worker's last checkpoint, and before whatever its caller does after the wait.
        worker.ref();
        worker.postMessage('stop');
      }
      return stopping;
    },
  };
}
