import { errorMessage, Tracing } from '@sooc/util';
import { newCorrelationId } from '@sooc/event-sourcing';
import { type Clock } from '@sooc/timing';
import { dueClosings } from '@sooc/cohorts-read-models';
import { dueOffers } from '@sooc/enrollment-read-models';
import { expiryReactions, windowClosingReactions, type DueClosing, type DueOffer } from './process-managers';
import type { ReadDb } from '@sooc/read-store';
import type { ReactionSender } from './reaction.sender';
import type { ReactorLog } from './reactor.logger';
import { REACTOR_ACTOR, refusalOf } from './reactor.refusals';
import { ReactorStoppedError } from './reactor-stopped.error';
import type { Signal } from '@sooc/timing';

/** Most offers expired per tick; the rest wait for the next one, oldest first. */
export const EXPIRY_BATCH = 200;

export interface ExpiryCounters {
  /** ExpireOffer commands that wrote an OfferExpired. */
  expired: number;
  /** CloseApplications{because: window-ended} commands that wrote an ApplicationsClosed. */
  windowsClosed: number;
}

/**
 * Every `tickMs`, expires the offers the due-offers read model lists as past the clock. A tick
 * that fails (store or read database down) is logged and the next tick tries again: the due
 * offers stay listed until their expiry is projected, so none is lost.
 */
export class OfferExpiryTicker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  readonly counters: ExpiryCounters = { expired: 0, windowsClosed: 0 };

  constructor(
    private readonly readDb: ReadDb,
    private readonly sender: ReactionSender,
    private readonly clock: Clock,
    private readonly log: ReactorLog,
    private readonly stop: Signal,
  ) {}

  start(tickMs: number): void {
    this.timer = setInterval(() => {
      if (this.running || this.stop.isSet) return;
      this.running = this.tick()
        .catch((error: unknown) => this.log.error(`offer expiry failed, retrying next tick: ${errorMessage(error)}`))
        .finally(() => (this.running = null));
    }, tickMs);
  }

  /** Ends the timer and waits for a tick in progress (its expiries are finished, or given up while the store fails). */
  async stopped(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async tick(): Promise<void> {
    const now = this.clock.now();
    const [due, closings] = await Promise.all([
      dueOffers(this.readDb, now.toISOString(), EXPIRY_BATCH),
      dueClosings(this.readDb, now.toISOString(), EXPIRY_BATCH),
    ]);
    if (due.length === 0 && closings.length === 0) return;
    this.log.debug(`${due.length} offer(s) and ${closings.length} application window(s) due at ${now.toISOString()}`);
    // One span per tick (tracing on), the root of a trace of its own: the events it writes carry
    // it, so their projection and their partners' webhooks join it.
    await Tracing.inSpan(
      'reactor tick',
      { attributes: { 'sooc.offers_due': due.length, 'sooc.windows_due': closings.length } },
      (span) => this.expire(due, closings, span ? Tracing.traceparentOf(span) : undefined),
    );
  }

  private async expire(
    due: readonly DueOffer[],
    closings: readonly DueClosing[],
    traceparent: string | undefined,
  ): Promise<void> {
    // One correlation per tick: the offers expired together can be found together.
    const context = {
      actor: REACTOR_ACTOR,
      correlationId: newCorrelationId(),
      causationId: null,
      now: () => this.clock.now(),
      traceparent,
    };
    // All at once: each offer is its own enrollment stream, so their expiries share a commit.
    const reactions = [
      ...expiryReactions(due).map((reaction) => ({ reaction, counter: 'expired' as const })),
      ...windowClosingReactions(closings).map((reaction) => ({ reaction, counter: 'windowsClosed' as const })),
    ];
    const answers = reactions.map(({ reaction, counter }) =>
      this.sender.send(reaction, context, counter === 'expired' ? 'offer expiry' : 'window end').then(
        ({ written }) => {
          if (written > 0) this.counters[counter]++;
        },
        (error: unknown) => {
          const refusal = refusalOf(error);
          if (refusal !== null)
            return this.log.warn(`${reaction.command.type} on ${reaction.streamId} refused: ${refusal}`);
          // Stopped while the store was failing: the offer stays listed as due for the next start.
          if (!(error instanceof ReactorStoppedError)) throw error;
        },
      ),
    );
    // Every expiry answered before the tick ends, so the next tick never sends one still under way.
    const fault = (await Promise.allSettled(answers)).find((a) => a.status === 'rejected');
    if (fault) throw fault.reason;
  }
}
