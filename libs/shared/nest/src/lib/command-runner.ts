import { Inject, Injectable } from '@nestjs/common';
import {
  Command,
  CommandResult,
  Decider,
  DomainEvent,
  EventStore,
  handleCommand,
  handleIdempotentCommand,
  KeyedSerialQueue,
  loadStream,
  PublishedQuery,
  StreamStateCache,
} from '@sooc/event-sourcing';
import type { Clock } from '@sooc/timing';
import { RequestContext } from './request-context';
import { CLOCK, EVENT_STORE } from './tokens';

export const COMMAND_MAX_RETRIES = 5;

/**
 * The one command path (STYLE.md 3): a resolver hands it a decider, a stream and a domain
 * command; it supplies the store, the clock and the caller from the request context, and
 * serialises commands per stream inside this process (load → fold → decide → append with the
 * expected revision, retried on a conflict). Nothing is registered per command.
 */
@Injectable()
export class CommandRunner {
  private readonly queue = new KeyedSerialQueue();
  /** Hot streams (a cohort taking a burst of applications) are folded once and then only extended. */
  private readonly cache = new StreamStateCache();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  run<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: Omit<C, 'metadata'>,
  ): Promise<CommandResult<E, S>> {
    const { actor, correlationId, trace, idempotency } = RequestContext.current();
    // The command's span is a child of the request's GraphQL operation, however long the stream's queue made it wait.
    const context = { actor, correlationId, now: () => this.clock.now(), trace };
    const options = { maxRetries: COMMAND_MAX_RETRIES, cache: this.cache };
    if (!idempotency) {
      return this.queue.run(streamId, () => handleCommand(this.store, decider, streamId, command, context, options));
    }
    const { key, operation, fingerprint } = idempotency;
    const keyed = { owner: actor.id, key, operation, fingerprint, command: idempotency.commands++ };
    // Inside the stream's queue: a resend to this process waits for the first and reads its record.
    return this.queue.run(streamId, () =>
      handleIdempotentCommand(this.store, decider, streamId, command, context, keyed, options),
    );
  }

  /** Folds one of this context's own streams, for a command that depends on it (a cohort needs its course). */
  async load<E extends DomainEvent, S>(
    decider: Pick<Decider<never, E, S>, 'evolve' | 'initialState'>,
    streamId: string,
  ): Promise<S> {
    return (await loadStream(this.store, decider, streamId, this.cache)).state;
  }

  /** Another context's aggregate, as that context publishes it: fresh from the store (the cache only saves reads). */
  async query<Id, V, S, E extends DomainEvent>(query: PublishedQuery<Id, V, S, E>, id: Id): Promise<V> {
    return query.view(await this.load(query, query.streamOf(id)));
  }
}
