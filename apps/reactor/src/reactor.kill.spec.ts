import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enrollmentIdOf } from '@sooc/enrollment-domain';
import { SqliteEventStore } from '@sooc/event-store';
import { REACTOR_CHECKPOINT } from '@sooc/reactor-engine';
import { eventsOfType, savedCheckpoint, Seeder } from '@sooc/reactor-engine/testing';
import { expectAdmissionInvariants } from './testing/admission.invariants';
import { FileClockWriter } from './testing/file.clock';
import { lastReactedPosition, openOffers, QuietWatch } from './testing/offers.inspect';
import { killAll, startReactorProcess, waitFor } from './testing/reactor.process';

const COHORT = 'c-kill';
const CAPACITY = 10;
const LEARNERS = Array.from({ length: 25 }, (_, i) => `l${String(i + 1).padStart(2, '0')}`);
/** They accept their offers at once; every other offer is left to expire. */
const ACCEPTING = ['l01', 'l02'];

let dir: string;
let store: SqliteEventStore;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'sooc-reactor-kill-'))));
afterAll(async () => {
  killAll();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = async (type: string) => (await eventsOfType(store, type)).length;

describe('the reactor process', () => {
  it('killed with SIGKILL while expiring offers, then restarted, expires every due offer once and passes each freed seat down the waitlist in order', async () => {
    const started = Date.now();
    const readFile = join(dir, 'read.sqlite');
    const clock = new FileClockWriter(join(dir, 'now.txt'), new Date('2026-03-03T09:00:00.000Z'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'), { synchronous: 'OFF' });
    const seeder = new Seeder(store, () => clock.now());
    await seeder.openCohort({ cohortId: COHORT, capacity: CAPACITY, offerTtlHours: 1 });
    for (const learner of LEARNERS) await seeder.submit(COHORT, learner);

    // The shortest lease: the restarted reactor must wait it out, the killed one never released it.
    const env = {
      SOOC_DATA_DIR: dir,
      SOOC_CLOCK_FILE: clock.file,
      SOOC_REACTOR_TICK_MS: '100',
      SOOC_LEASE_TTL_MS: '1000',
      LOG_LEVEL: 'info',
    };
    const first = startReactorProcess(env);
    await waitFor(
      async () =>
        (await count('SeatOffered')) === CAPACITY &&
        (await count('ApplicationWaitlisted')) === LEARNERS.length - CAPACITY
          ? true
          : null,
      first,
      '10 offers and 15 waitlisted',
      60_000,
    );
    for (const learner of ACCEPTING) {
      await seeder.enrollment(
        {
          type: 'AcceptOffer',
          data: { enrollmentId: enrollmentIdOf(COHORT, learner), cohortId: COHORT, learnerId: learner },
        },
        { id: learner, role: 'learner' },
      );
    }
    await waitFor(
      async () => ((await count('SeatConfirmed')) === ACCEPTING.length ? true : null),
      first,
      'the accepted seats confirmed',
    );
    // Its checkpoint holds all of that, so the restart below resumes from there, not from scratch.
    const beforeExpiry = await lastReactedPosition(store);
    await waitFor(
      async () => (savedCheckpoint(readFile, REACTOR_CHECKPOINT) === beforeExpiry ? true : null),
      first,
      'the checkpoint before the expiries',
    );

    // Two hours on, the eight open offers are past due: kill the reactor as the first one expires.
    clock.advance(2);
    const expiredAtKill = await waitFor(
      async () => ((await count('OfferExpired')) > 0 ? count('OfferExpired') : null),
      first,
      'the first expiry',
      30_000,
      1,
    );
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const atKill = {
      expired: await count('OfferExpired'),
      released: await count('SeatReleased'),
      head: (await store.headPosition()) as bigint,
    };
    expect(first.stderr()).toBe('');
    // Really killed mid-round: some of the eight due offers had not been passed on yet.
    expect(atKill.released).toBeLessThan(CAPACITY - ACCEPTING.length);

    // Restarted, it finishes the round; each round frees seats that go on, and expire an hour later.
    const second = startReactorProcess(env);
    const rounds: number[] = [];
    const watch = new QuietWatch(store, readFile);
    for (let round = 0; round < 6; round++) {
      await waitFor(() => watch.quiet(clock.now()), second, `quiet after round ${round}`, 30_000, 50);
      const open = (await openOffers(store)).length;
      if (open === 0) break;
      rounds.push(open);
      clock.advance(2);
    }
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    // It resumed from its checkpoint: at or after the one saved before the expiries, short of the expiries' end.
    const resumedAt = BigInt(/starting at position (\d+),/.exec(second.stdout())?.[1] ?? '-1');
    expect(resumedAt).toBeGreaterThanOrEqual(beforeExpiry);
    expect(resumedAt).toBeLessThan(atKill.head);
    expect(second.stdout()).toMatch(/stopped at position \d+/);
    expect(second.stderr()).toBe('');

    const all = await store.readAll();
    const waitlist = await expectAdmissionInvariants(store, {
      cohortId: COHORT,
      capacity: CAPACITY,
      learners: LEARNERS,
      accepting: ACCEPTING,
    });
    // With no applicant after the expiries began, the waitlist is the arrival order past the capacity.
    expect(waitlist).toEqual(LEARNERS.slice(CAPACITY));

    // Everything the reactor reacts to was handled, up to its saved checkpoint.
    expect(savedCheckpoint(readFile, REACTOR_CHECKPOINT)).toBe(await lastReactedPosition(store));
    // After the restart finished the first round: the eight promoted, then the last seven waiting.
    expect(rounds).toEqual([CAPACITY - ACCEPTING.length, LEARNERS.length - CAPACITY - (CAPACITY - ACCEPTING.length)]);

    process.stdout.write(
      `reactor kill test: killed after ${expiredAtKill} expiry seen (${atKill.expired} expired, ${atKill.released} released at the kill); ` +
        `restart resumed at position ${resumedAt} (head ${atKill.head} at the kill); rounds of open offers ${rounds.join(', ')}; ${all.length} events; ${Date.now() - started} ms\n`,
    );
  });
});
