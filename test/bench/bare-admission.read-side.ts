import { Worker } from 'node:worker_threads';

/** One admitted or waitlisted application, as the bare admission's read side stores it. */
export interface BareAdmission {
  readonly enrollmentId: string;
  readonly cohortId: string;
  readonly learnerId: string;
  readonly companyId: string | null;
  readonly status: 'SEATED' | 'WAITLISTED';
  readonly submittedAt: string;
  /** The three events of the admission: the application's, the cohort's seat or waitlist, the enrollment's offer or waitlisting. */
  readonly events: readonly { position: string; id: string; type: string; streamId: string; data: string }[];
}

export interface BareReadSide {
  write(batch: readonly BareAdmission[]): void;
  stop(): Promise<void>;
}

/**
 * The least read side an admission can have, on its own thread (the second core, the best
 * placement there is): per application one row in `applications`, written once in its final
 * state, under the real read model's three indexes and two more that stand in for the tables the
 * product reads besides (a company's enrolments for its partner scope, the offers by deadline for
 * their expiry); the cohort's seat counter; one audit entry per event under the real trail's seven
 * B-trees; one transaction per batch, WAL with synchronous=NORMAL as the read store runs. Nothing
 * else the gateway's projections write (the partner feed's CloudEvents, which a feed could read
 * from the trail, the per-learner seat ledger, the dashboard's per-company counts) is here, and
 * no row is written twice: a floor, not a copy.
 */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(\`
  CREATE TABLE applications (enrollment_id TEXT PRIMARY KEY, cohort_id TEXT NOT NULL, learner_id TEXT NOT NULL,
    company_id TEXT, status TEXT NOT NULL, submitted_at TEXT NOT NULL, submitted_position TEXT NOT NULL,
    average_score INTEGER, offer_expires_at TEXT);
  CREATE INDEX applications_cohort_status_submitted_ix ON applications (cohort_id, status, submitted_position);
  CREATE INDEX applications_cohort_score_ix ON applications (cohort_id, average_score);
  CREATE INDEX applications_learner_submitted_ix ON applications (learner_id, submitted_position);
  CREATE INDEX applications_company_cohort_ix ON applications (company_id, cohort_id);
  CREATE INDEX applications_offer_expires_ix ON applications (offer_expires_at);
  CREATE TABLE cohort_seats (cohort_id TEXT PRIMARY KEY, seated INTEGER NOT NULL, waitlisted INTEGER NOT NULL);
  CREATE TABLE audit_entries (position TEXT PRIMARY KEY, event_id TEXT NOT NULL, occurred_at TEXT NOT NULL,
    type TEXT NOT NULL, stream_id TEXT NOT NULL, actor_id TEXT NOT NULL, correlation_id TEXT NOT NULL,
    cohort_id TEXT, learner_id TEXT, enrollment_id TEXT, data TEXT NOT NULL);
  CREATE INDEX audit_entries_cohort_id_ix ON audit_entries (cohort_id, position);
  CREATE INDEX audit_entries_learner_id_ix ON audit_entries (learner_id, position);
  CREATE INDEX audit_entries_enrollment_id_ix ON audit_entries (enrollment_id, position);
  CREATE INDEX audit_entries_correlation_id_ix ON audit_entries (correlation_id, position);
  CREATE INDEX audit_entries_actor_id_ix ON audit_entries (actor_id, position);
  CREATE INDEX audit_entries_occurred_ix ON audit_entries (occurred_at);
  CREATE TABLE checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL);
\`);
const application = db.prepare('INSERT INTO applications VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)');
const OFFER_TTL_MS = 72 * 3600 * 1000;
const seats = db.prepare(
  'INSERT INTO cohort_seats VALUES (?, ?, ?) ON CONFLICT (cohort_id) DO UPDATE SET seated = seated + excluded.seated, waitlisted = waitlisted + excluded.waitlisted',
);
const audit = db.prepare('INSERT INTO audit_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
const checkpoint = db.prepare('INSERT INTO checkpoints VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position');
const write = db.transaction((batch) => {
  let last = '';
  for (const a of batch) {
    const expires = a.status === 'SEATED' ? new Date(Date.parse(a.submittedAt) + OFFER_TTL_MS).toISOString() : null;
    const status = a.status === 'SEATED' ? 'OFFERED' : 'WAITLISTED';
    application.run(a.enrollmentId, a.cohortId, a.learnerId, a.companyId, status, a.submittedAt, a.events[0].position, expires);
    seats.run(a.cohortId, a.status === 'SEATED' ? 1 : 0, a.status === 'SEATED' ? 0 : 1);
    for (const e of a.events) {
      audit.run(e.position, e.id, a.submittedAt, e.type, e.streamId, a.learnerId, e.id, a.cohortId, a.learnerId, a.enrollmentId, e.data);
      if (e.position > last) last = e.position;
    }
  }
  checkpoint.run('bare', last);
});
parentPort.on('message', (message) => {
  if (message === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  write(message);
});
`;

/** Starts the read side's thread on a new file at `path`. */
export function startBareReadSide(path: string): BareReadSide {
  const worker = new Worker(PROGRAM, {
    eval: true,
    workerData: { path, driver: require.resolve('better-sqlite3') },
    execArgv: [],
  });
  const exited = new Promise<void>((done) => worker.once('exit', () => done()));
  worker.on('error', (error) => process.stderr.write(`bare read side failed: ${String(error)}\n`));
  return {
    write: (batch) => worker.postMessage(batch),
    stop: () => {
      worker.postMessage('stop');
      return exited;
    },
  };
}
