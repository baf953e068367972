import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { cohortStream } from '@sooc/cohorts-domain';
import { DomainError } from '@sooc/event-sourcing';
import { SqliteEventStore } from '@sooc/event-store';
import { Seeder } from '@sooc/reactor-engine/testing';
import { FileClockWriter } from './testing/file.clock';
import { killAll, startReactorProcess, waitFor, type ReactorProcess } from './testing/reactor.process';

const HOUR = 3_600_000;
const START = new Date('2026-03-03T09:00:00.000Z');

let root: string;
beforeAll(() => (root = mkdtempSync(join(tmpdir(), 'sooc-reactor-window-'))));
afterAll(() => {
  killAll();
  rmSync(root, { recursive: true, force: true });
});

/** A clock move (hours, back or forth), a submission at the new instant, and maybe a SIGKILL and restart of the reactor. */
type Step = { readonly hours: number; readonly kill: boolean };
const step: fc.Arbitrary<Step> = fc.record({
  hours: fc.integer({ min: -48, max: 200 }),
  kill: fc.boolean(),
});

/**
 * Issue 10 #1 through the real reactor process, its clock the file clock: whatever the clock
 * does and however often the reactor is killed, no submission is accepted outside
 * [opensAt, closesAt), and the cohort closes itself at closesAt exactly once.
 */
describe('the application window, on the reactor process and the file clock', () => {
  it('accepts submissions only inside the window and closes it once, across SIGKILLs and restarts', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 5 }), async (steps) => {
        const dir = join(root, `run-${++run}`);
        mkdirSync(dir);
        const clock = new FileClockWriter(join(dir, 'now.txt'), START);
        const store = SqliteEventStore.open(join(dir, 'events.sqlite'), { synchronous: 'OFF' });
        const env = {
          SOOC_DATA_DIR: dir,
          SOOC_CLOCK_FILE: clock.file,
          SOOC_REACTOR_TICK_MS: '100',
          SOOC_LEASE_TTL_MS: '1000',
          LOG_LEVEL: 'warn',
        };
        const cohortId = `c-window-${run}`;
        const seeder = new Seeder(store, () => clock.now());
        let reactor: ReactorProcess | null = null;
        try {
          await seeder.openCohort({ cohortId, capacity: 5, offerTtlHours: 48 });
          const window = await windowOf(store, cohortId);
          reactor = startReactorProcess(env);
          const attempts: { at: string; accepted: boolean }[] = [];
          for (const [i, s] of steps.entries()) {
            clock.advance(s.hours);
            try {
              await seeder.submit(cohortId, `l${i}`);
              attempts.push({ at: clock.now().toISOString(), accepted: true });
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
              attempts.push({ at: clock.now().toISOString(), accepted: false });
            }
            if (s.kill) {
              reactor.child.kill('SIGKILL');
              await reactor.exited;
              reactor = startReactorProcess(env);
            }
          }
          for (const a of attempts.filter((x) => x.accepted))
            expect(a.at >= window.opensAt && a.at < window.closesAt).toBe(true);

          // Past closesAt (if the steps did not get there), the reactor closes the window on its own.
          const past = Date.parse(window.closesAt) - clock.now().getTime();
          if (past > 0) clock.advance(past / HOUR + 1);
          const current = reactor;
          await waitFor(async () => ((await closings(store, cohortId)).length > 0 ? true : null), current, 'the close');
          // Killed and restarted once more, past the window: it closes nothing twice.
          current.child.kill('SIGKILL');
          await current.exited;
          reactor = startReactorProcess(env);
          await waitFor(async () => ((await reactor!.health()).status === 200 ? true : null), reactor, 'health');
          await new Promise((resolve) => setTimeout(resolve, 1_500));
          const closed = await closings(store, cohortId);
          expect(closed.map((e) => e.data)).toEqual([{ cohortId, because: 'window-ended' }]);
          expect(closed[0].metadata.occurredAt >= window.closesAt).toBe(true);
          reactor.child.kill('SIGTERM');
          await reactor.exited;
          reactor = null;
        } finally {
          if (reactor) {
            reactor.child.kill('SIGKILL');
            await reactor.exited;
          }
          await store.close();
        }
      }),
      { numRuns: 3 },
    );
  }, 180_000);
});

async function windowOf(store: SqliteEventStore, cohortId: string) {
  const events = await store.readStream(cohortStream(cohortId));
  const opened = events.find((e) => e.type === 'ApplicationsOpened');
  return (opened?.data as { applicationWindow: { opensAt: string; closesAt: string } }).applicationWindow;
}

async function closings(store: SqliteEventStore, cohortId: string) {
  return (await store.readStream(cohortStream(cohortId))).filter((e) => e.type === 'ApplicationsClosed');
}
