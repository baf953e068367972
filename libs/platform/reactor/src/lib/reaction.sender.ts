import { errorMessage } from '@sooc/util';
import { cohortDecider, type CohortCommand } from '@sooc/cohorts-domain';
import { enrollmentDecider, type EnrollmentCommand } from '@sooc/enrollment-domain';
import type { Reaction } from './process-managers';
import {
  handleCommandBatch,
  StreamStateCache,
  type BatchedCommand,
  type BatchedOutcome,
  type CommandContext,
  type DomainEvent,
  type EventStore,
} from '@sooc/event-sourcing';
import type { ReactorLog } from './reactor.logger';
import { COMMAND_OUTCOMES, countOutcomes, type ReactorObserver } from './reactor.observer';
import { ReactorStoppedError } from './reactor-stopped.error';
import { DEFAULT_BACKOFF, untilDone, type Backoff } from './retry.backoff';
import type { Signal } from '@sooc/timing';

/** Most commands decided together and appended in one write to one stream. */
export const MAX_BATCH = 500;

export interface ReactionSenderOptions {
  readonly stop: Signal;
  readonly log: ReactorLog;
  readonly backoff?: Backoff;
  readonly maxBatch?: number;
  /** Told each decided batch's outcomes (guarded: see guardedObserver). */
  readonly observer?: Pick<ReactorObserver, 'onOutcome'>;
}

/** What a reaction's command came to, for its span and counters. */
export interface Sent {
  /** Events the command wrote (0: the aggregate had nothing to do). */
  readonly written: number;
  /** Where the append that carried them ended, or null when the command wrote nothing. */
  readonly position: bigint | null;
  /** Commands decided together, this one included: those not refused went out in the same write. */
  readonly batched: number;
}

interface Pending {
  readonly reaction: Reaction;
  readonly context: CommandContext;
  /** What called for the command, for the log ("ApplicationSubmitted <id>", "offer expiry"). */
  readonly cause: string;
  answered: boolean;
  resolve(sent: Sent): void;
  reject(error: unknown): void;
}

/**
 * Runs reactions through the gateway's load → decide → append path, batched per stream: commands
 * for a stream gather while its previous batch is in flight, then up to `maxBatch` of them are
 * decided in order and appended in one write (a burst of 1,000 admissions to one cohort is a few
 * appends, not 1,000). Streams run side by side, so the mirrors on many enrollment streams share
 * the store's group commit. A batch that fails for any reason but a refusal is retried, with the
 * backoff, before anything later for its stream: a stream's commands are decided in the order
 * they were sent, always. One cache and one set of lanes for the whole reactor (events and the
 * expiry timer alike).
 */
export class ReactionSender {
  private readonly cache = new StreamStateCache();
  private readonly lanes = new Map<string, Pending[]>();
  private readonly failing = new Set<string>();
  private waiting = 0;

  constructor(
    private readonly store: EventStore,
    private readonly options: ReactionSenderOptions,
  ) {}

  /**
   * Resolves with what the command wrote and the append that carried it; rejects with the
   * aggregate's DomainError when it refused, or a ReactorStoppedError when the reactor stopped
   * while the store was failing.
   */
  send(reaction: Reaction, context: CommandContext, cause: string): Promise<Sent> {
    return new Promise((resolve, reject) => {
      let lane = this.lanes.get(reaction.streamId);
      if (!lane) {
        const created: Pending[] = [];
        this.lanes.set(reaction.streamId, (lane = created));
        // Started on the next turn: the reactions sent in this one join the first batch.
        setImmediate(() => void this.drain(reaction.streamId, created));
      }
      lane.push({ reaction, context, cause, answered: false, resolve, reject });
      this.waiting++;
    });
  }

  /** Commands sent and not answered yet. */
  get pending(): number {
    return this.waiting;
  }

  /** True while a batch is failing and being retried (store or database down). */
  get retrying(): boolean {
    return this.failing.size > 0;
  }

  private async drain(streamId: string, lane: Pending[]): Promise<void> {
    let batch: Pending[] = [];
    try {
      while (lane.length > 0) {
        batch = lane.splice(0, this.options.maxBatch ?? MAX_BATCH);
        if (!(await this.runUntilDone(streamId, batch)))
          this.settle([...batch, ...lane.splice(0)], (p) => p.reject(new ReactorStoppedError(streamId)));
      }
    } catch (error) {
      // Not expected (every failure is retried); still, no caller may wait forever.
      this.settle([...batch, ...lane.splice(0)], (p) => p.reject(error));
    } finally {
      this.lanes.delete(streamId);
    }
  }

  /** False when the reactor stopped while the batch was failing: nothing of it was answered. */
  private async runUntilDone(streamId: string, batch: readonly Pending[]): Promise<boolean> {
    try {
      return await untilDone(
        async () => {
          const outcomes = await this.decide(streamId, batch);
          this.report(outcomes);
          outcomes.forEach((outcome, i) =>
            this.settle([batch[i]], (p) =>
              outcome.ok
                ? p.resolve({ written: outcome.events.length, position: outcome.position, batched: batch.length })
                : p.reject(outcome.error),
            ),
          );
        },
        this.options.stop,
        (error, attempt, delayMs) => {
          this.failing.add(streamId);
          const [first] = batch;
          const more = batch.length > 1 ? ` (and ${batch.length - 1} more after it)` : '';
          this.options.log.error(
            `${first.cause} → ${first.reaction.command.type} on ${streamId}${more} failed (attempt ${attempt}), retrying in ${delayMs} ms: ${errorMessage(error)}`,
          );
        },
        this.options.backoff ?? DEFAULT_BACKOFF,
      );
    } finally {
      this.failing.delete(streamId);
    }
  }

  private decide(streamId: string, batch: readonly Pending[]): Promise<BatchedOutcome<DomainEvent>[]> {
    const options = { cache: this.cache };
    // A stream belongs to one aggregate (its name says which), so the whole batch does too.
    if (batch[0].reaction.aggregate === 'cohort') {
      return handleCommandBatch(
        this.store,
        cohortDecider,
        streamId,
        batch.map((p) => toBatched<CohortCommand>(p)),
        options,
      );
    }
    return handleCommandBatch(
      this.store,
      enrollmentDecider,
      streamId,
      batch.map((p) => toBatched<EnrollmentCommand>(p)),
      options,
    );
  }

  private report(outcomes: readonly BatchedOutcome<DomainEvent>[]): void {
    const counts = countOutcomes(outcomes);
    for (const outcome of COMMAND_OUTCOMES)
      if (counts[outcome] > 0) this.options.observer?.onOutcome?.(outcome, counts[outcome]);
  }

  private settle(pending: readonly Pending[], answer: (p: Pending) => void): void {
    for (const p of pending) {
      if (p.answered) continue;
      p.answered = true;
      this.waiting--;
      answer(p);
    }
  }
}

const toBatched = <C extends CohortCommand | EnrollmentCommand>({ reaction, context }: Pending): BatchedCommand<C> => ({
  command: reaction.command as Omit<C, 'metadata'>,
  context,
});
