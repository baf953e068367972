import { errorMessage } from '@sooc/util';
import { type Clock } from '@sooc/timing';
import { dueClosingsProjection } from '@sooc/cohorts-read-models';
import { dueOffersProjection } from '@sooc/enrollment-read-models';
import { REACTED_EVENT_TYPES } from './process-managers';
import type { EventStore, Subscription } from '@sooc/event-sourcing';
import { EventFollower, ProjectionRunner, type ReadDb } from '@sooc/read-store';
import { sendReactions } from './event.reactions';
import { EventsInFlight } from './events-in-flight.window';
import { OfferExpiryTicker } from './offer-expiry.ticker';
import { ReactionSender } from './reaction.sender';
import { DEFAULT_REACTOR_TICK_MS } from './reactor.tick';
import { DEFAULT_CHECKPOINT_POLICY, ReactorCheckpoint, type CheckpointPolicy } from './reactor.checkpoint';
import type { ReactorLog } from './reactor.logger';
import { guardedObserver, type ReactorObserver } from './reactor.observer';
import { DEFAULT_BACKOFF, type Backoff } from './retry.backoff';
import { Signal } from '@sooc/timing';

export interface ReactorOptions {
  /** Where its commands are appended; it reads `$all` through `follower` when given. */
  readonly eventStore: EventStore;
  /**
   * The process's one reader of `$all` (the embedded gateway shares it with its projection
   * runner). Without one, the reactions and the due-offers projection share a follower of their own.
   */
  readonly follower?: EventFollower;
  /** Migrated with `enrollmentMigrations` (due_offers) and the read store's checkpoint table. */
  readonly readDb: ReadDb;
  readonly clock: Clock;
  readonly log: ReactorLog;
  /** How often due offers are expired (default 1000 ms). */
  readonly tickMs?: number;
  readonly backoff?: Backoff;
  readonly checkpointPolicy?: CheckpointPolicy;
  /** Metrics hooks: command outcomes and checkpoint positions (see ReactorObserver). */
  readonly observer?: ReactorObserver;
  /** The reactor lease's fence, run last in each due-offers batch: no write once another instance holds it. */
  readonly fence?: (trx: ReadDb) => Promise<void>;
}

export interface ReactorStatus {
  readonly running: boolean;
  readonly caughtUp: boolean;
  /** Last event whose reactions were all sent, and the last position saved as the checkpoint. */
  readonly handledPosition: bigint | null;
  readonly checkpoint: bigint | null;
  readonly eventsHandled: number;
  /** Commands that wrote events (the others found nothing to do: repeats after a restart). */
  readonly commandsWritten: number;
  readonly refusals: number;
  /** True while a command is failing and being retried (store or database down). */
  readonly retrying: boolean;
  /** Events read whose reactions are under way, or done but behind one that is not. */
  readonly eventsInFlight: number;
  /** Commands sent and not answered yet (waiting in their stream's lane or being written). */
  readonly commandsPending: number;
  readonly offersExpired: number;
}

export interface Reactor {
  /** Resolves once every event stored at start has been reacted to. */
  readonly caughtUp: Promise<void>;
  /** Resolves if the reactor cannot go on (its due-offers projection failed); a supervisor restarts it. */
  readonly failed: Promise<Error>;
  status(): ReactorStatus;
  /** Graceful: lets the events in flight finish, saves the checkpoint, stops the timer and the projection. */
  stop(): Promise<void>;
}

/**
 * The process managers at work: follows $all from its checkpoint and sends the commands each
 * event calls for, with the event as causation; expires due offers by the clock. At-least-once:
 * after a crash it re-sends what it had not saved, and every decider answers a repeat with nothing.
 */
export async function startReactor(options: ReactorOptions): Promise<Reactor> {
  const { eventStore, readDb, clock, log } = options;
  const tickMs = options.tickMs ?? DEFAULT_REACTOR_TICK_MS;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const stop = new Signal();
  const observer = guardedObserver(options.observer, log);
  const checkpoint = new ReactorCheckpoint(readDb, options.checkpointPolicy, observer.onCheckpoint);
  const sender = new ReactionSender(eventStore, { stop, log, backoff, observer });
  const counters = { eventsHandled: 0, commandsWritten: 0, refusals: 0 };
  const inFlight = new EventsInFlight((event) => {
    checkpoint.markHandled(event.position);
    counters.eventsHandled++;
    log.debug(`handled ${event.type} at position ${event.position}`);
  });
  let caughtUp = false;
  let subscription: Subscription | null = null;

  const from = await checkpoint.load();
  const head = await eventStore.headPosition();
  log.info(`starting at position ${from ?? 'none'}, store head ${head ?? 'none'}, expiring offers every ${tickMs} ms`);

  // Both of its readers of $all (the reactions, the due-offers runner) are consumers of one follower.
  const follower = options.follower ?? new EventFollower(eventStore);
  // Its own projection, next to the timer that reads it: the projector must not run this one.
  const runner = new ProjectionRunner({
    store: follower.store,
    db: readDb,
    projections: [dueOffersProjection, dueClosingsProjection],
    ...(options.fence ? { fence: options.fence } : {}),
  });
  let fail!: (error: Error) => void;
  const failed = new Promise<Error>((resolve) => (fail = resolve));
  runner.onError(fail);
  await runner.start();

  let reachCaughtUp!: () => void;
  let missCaughtUp!: (error: Error) => void;
  const caughtUpPromise = new Promise<void>((resolve, reject) => ([reachCaughtUp, missCaughtUp] = [resolve, reject]));
  caughtUpPromise.catch(() => undefined);

  /** Every event stored when the subscription caught up is handled. */
  function reachedHead(): void {
    caughtUp = true;
    log.info(
      `caught up at position ${checkpoint.handled ?? 'none'}: ${counters.eventsHandled} events, ${counters.commandsWritten} commands written; following live`,
    );
    reachCaughtUp();
  }

  async function saveCheckpoint(): Promise<void> {
    await checkpoint
      .save()
      .catch((error: unknown) => log.error(`saving the checkpoint failed, retrying later: ${errorMessage(error)}`));
  }

  /**
   * Reads on while earlier events' reactions are under way (up to the window's limit), so that
   * commands for one stream gather into batches and different streams share a commit. On a
   * failure, and when stopping, the events in flight are let finish first: the checkpoint then
   * holds everything they did, and a resubscription does not send them a second time.
   */
  async function follow(): Promise<void> {
    try {
      await followUntilStopped();
    } finally {
      await inFlight.settled();
    }
  }

  async function followUntilStopped(): Promise<void> {
    for (let attempt = 1; !stop.isSet; attempt++) {
      subscription = follower.subscribeAll({
        from: checkpoint.handled ?? 'start',
        filter: { eventTypes: REACTED_EVENT_TYPES },
      });
      try {
        for await (const message of subscription) {
          if (message.kind === 'caught-up') {
            // Reading goes on meanwhile: a live event must not wait for a catch-up batch that is failing.
            void inFlight.handledSoFar().then((handled) => handled && reachedHead());
            continue;
          }
          attempt = 0;
          inFlight.add(message.event, sendReactions(message.event, { sender, clock, log, counters, fail }));
          if (!(await inFlight.room())) return;
          if (checkpoint.due) await saveCheckpoint();
          if (stop.isSet) return;
        }
      } catch (error) {
        const delayMs = Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.min(attempt - 1, 20));
        // The store failed under the subscription (or an event could not be read as a reaction):
        // follow again from the last handled event rather than skip anything.
        log.error(
          `following $all failed after position ${checkpoint.handled ?? 'none'}, resubscribing in ${delayMs} ms: ${errorMessage(error)}`,
        );
        await inFlight.settled();
        await stop.sleep(delayMs);
      } finally {
        await subscription.close();
      }
    }
  }

  const loop = follow().catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
  const ticker = new OfferExpiryTicker(readDb, sender, clock, log, stop);
  ticker.start(tickMs);
  // An idle reactor still saves the last events it handled, within the policy's time (checked
  // five times per period, so a save is never more than a fifth late).
  const flush = setInterval(
    () => void (checkpoint.due && saveCheckpoint()),
    (options.checkpointPolicy?.maxMs ?? DEFAULT_CHECKPOINT_POLICY.maxMs) / 5,
  );

  let stopping: Promise<void> | null = null;
  return {
    caughtUp: caughtUpPromise,
    failed,
    status: () => ({
      running: !stop.isSet,
      caughtUp,
      handledPosition: checkpoint.handled,
      checkpoint: checkpoint.saved,
      eventsHandled: counters.eventsHandled,
      commandsWritten: counters.commandsWritten,
      refusals: counters.refusals,
      retrying: sender.retrying,
      eventsInFlight: inFlight.size,
      commandsPending: sender.pending,
      offersExpired: ticker.counters.expired,
    }),
    stop: () =>
      (stopping ??= (async () => {
        stop.fire();
        clearInterval(flush);
        await subscription?.close();
        await Promise.all([loop, ticker.stopped()]);
        if (!caughtUp) missCaughtUp(new Error('the reactor stopped before catching up'));
        try {
          await checkpoint.save();
        } finally {
          await runner.stop();
          if (!options.follower) await follower.close();
        }
      })()),
  };
}
