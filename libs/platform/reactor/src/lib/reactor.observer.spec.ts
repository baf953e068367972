import { readableLog } from '@sooc/runtime/testing';
import { enrollmentIdOf, enrollmentStream } from '@sooc/enrollment-domain';
import { ConcurrencyError, IllegalStateError, type BatchedOutcome, type DomainEvent } from '@sooc/event-sourcing';
import { createLogger } from './reactor.logger';
import { REACTOR_CHECKPOINT } from './reactor.checkpoint';
import { countOutcomes, guardedObserver, type CommandOutcome, type ReactorObserver } from './reactor.observer';
import { Seeder } from '../testing/first-come.seed';
import { until } from '@sooc/util/testing';
import { ReactorHarness } from '../testing/reactor.harness';

/** What a metrics registry would hold: a counter per outcome and the checkpoint gauge's history. */
class Tally implements ReactorObserver {
  readonly commands: Record<CommandOutcome, number> = { written: 0, unchanged: 0, refused: 0 };
  readonly checkpoints: bigint[] = [];
  onOutcome(outcome: CommandOutcome, count: number): void {
    this.commands[outcome] += count;
  }
  onCheckpoint(position: bigint): void {
    this.checkpoints.push(position);
  }
}

const event = { id: 'e1', type: 'SeatReserved', data: {} } as unknown as DomainEvent;
const written: BatchedOutcome<DomainEvent> = { ok: true, events: [event], position: 1n };
const unchanged: BatchedOutcome<DomainEvent> = { ok: true, events: [], position: null };
const refused: BatchedOutcome<DomainEvent> = { ok: false, error: new IllegalStateError('COHORT.FULL', 'no seat left') };

describe('countOutcomes', () => {
  it('counts written, unchanged and refused commands of a batch', () => {
    expect(countOutcomes([written, unchanged, refused, written, unchanged, unchanged])).toEqual({
      written: 2,
      unchanged: 3,
      refused: 1,
    });
    expect(countOutcomes([])).toEqual({ written: 0, unchanged: 0, refused: 0 });
  });

  it('does not count a conflict as a refusal: the batch is retried, not answered', () => {
    expect(countOutcomes([{ ok: false, error: new ConcurrencyError('cohort-c1', '3', 4n) }])).toEqual({
      written: 0,
      unchanged: 0,
      refused: 0,
    });
  });
});

describe('guardedObserver', () => {
  it('keeps a failing hook from reaching the reactor, and says so once', () => {
    const err: string[] = [];
    const observer = guardedObserver(
      {
        onCheckpoint: () => {
          throw new Error('gauge gone');
        },
      },
      createLogger(
        'info',
        () => undefined,
        (l) => err.push(readableLog(l)),
      ),
    );
    expect(() => observer.onCheckpoint(1n)).not.toThrow();
    expect(() => observer.onCheckpoint(2n)).not.toThrow();
    expect(() => observer.onOutcome('written', 1)).not.toThrow();
    expect(err).toEqual([
      "sooc reactor: the reactor's observer failed (further failures are not logged): gauge gone\n",
    ]);
  });
});

describe('the reactor, observed', () => {
  let harness: ReactorHarness;
  afterEach(() => harness.close());

  it('reports commands written, repeats answered with nothing after a lost checkpoint, refusals, and each checkpoint saved', async () => {
    harness = await ReactorHarness.create();
    const seeder = new Seeder(harness.store, () => harness.clock.now());
    await seeder.openCohort({ cohortId: 'c1', capacity: 2, offerTtlHours: 1 });
    for (const l of ['ann', 'ben', 'cat']) await seeder.submit('c1', l);

    const first = new Tally();
    const reactor = await harness.start({ observer: first });
    await reactor.caughtUp;
    await until(
      'cat waitlisted',
      async () => (await seeder.enrollmentState('c1', 'cat')).status === 'waitlisted',
      10_000,
    );
    await reactor.stop();
    const { commandsWritten, checkpoint } = reactor.status();
    expect(first.commands).toEqual({ written: commandsWritten, unchanged: 0, refused: 0 });
    expect(commandsWritten).toBeGreaterThan(0);
    // No checkpoint at start; then each save, always forward, the last one the saved checkpoint.
    expect(first.checkpoints.length).toBeGreaterThan(0);
    expect(first.checkpoints).toEqual([...first.checkpoints].sort((a, b) => (a < b ? -1 : 1)));
    expect(first.checkpoints.at(-1)).toBe(checkpoint);

    // The checkpoint lost (as after a crash before saving): every reaction is sent again and changes nothing.
    await harness.read.db.deleteFrom('projection_checkpoints').where('projection', '=', REACTOR_CHECKPOINT).execute();
    const again = new Tally();
    const second = await harness.start({ observer: again });
    await second.caughtUp;
    await until(
      'the repeats answered',
      () => second.status().commandsPending === 0 && second.status().eventsInFlight === 0,
      10_000,
    );
    expect(again.commands).toEqual({ written: 0, unchanged: commandsWritten, refused: 0 });

    // An acceptance for a cohort nobody planned: refused by the cohort.
    const ghost = { enrollmentId: enrollmentIdOf('ghost', 'ann'), cohortId: 'ghost', learnerId: 'ann' };
    const metadata = {
      occurredAt: '2026-03-03T09:00:00.000Z',
      actor: { id: 'ann', role: 'learner' as const },
      correlationId: 'corr-ghost',
      causationId: null,
      schemaVersion: 1,
    };
    await harness.store.append(
      enrollmentStream('ghost', 'ann'),
      [{ id: '7b4cb6a4-31c1-4c5e-9a55-6f1a7e0c0002', type: 'OfferAccepted', data: ghost, metadata }],
      { expectedRevision: 'any' },
    );
    await until('the refusal reported', () => again.commands.refused === 1, 10_000);
    await second.stop();

    // A reactor starting from a saved checkpoint reports it before anything else.
    const third = new Tally();
    await (
      await harness.start({ observer: third })
    ).caughtUp;
    expect(third.checkpoints[0]).toBe(second.status().checkpoint);
  });
});
