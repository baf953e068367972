import { cohortDecider } from '@sooc/cohorts-domain';
import { enrollmentDecider } from '@sooc/enrollment-domain';
import type { Reaction } from '@sooc/enrollment-process-managers';
import { handleCommand, KeyedSerialQueue, StreamStateCache, type CommandContext, type EventStore } from '@sooc/event-sourcing';

/**
 * Runs reactions through the same load → decide → append path as the gateway. One cache and one
 * queue per stream for the whole reactor (events and the expiry timer alike): commands on a hot
 * cohort stream run one after another and each only reads what the previous one did not see.
 */
export class ReactionSender {
  private readonly cache = new StreamStateCache();
  private readonly queue = new KeyedSerialQueue();

  constructor(private readonly store: EventStore) {}

  /** Resolves with the number of events written (0: the aggregate had nothing to do). */
  send(reaction: Reaction, context: CommandContext): Promise<number> {
    return this.queue.run(reaction.streamId, async () => {
      const options = { cache: this.cache };
      const result =
        reaction.aggregate === 'cohort'
          ? await handleCommand(this.store, cohortDecider, reaction.streamId, reaction.command, context, options)
          : await handleCommand(this.store, enrollmentDecider, reaction.streamId, reaction.command, context, options);
      return result.events.length;
    });
  }
}
