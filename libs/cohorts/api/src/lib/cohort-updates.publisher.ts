import { EventEmitter, on } from 'node:events';
import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { cohortProjection } from '@sooc/cohorts-read-models';
import { READ_MODEL_SYNC, type CommittedChange, type ReadModelSync } from '@sooc/nest';

export interface CohortChanged {
  readonly cohortId: string;
  readonly position: bigint;
}

export type CohortUpdate = [CohortChanged];

/**
 * Turns the projection runner's commits into one in-process topic per cohort. It publishes after
 * the commit, so a subscriber that then reads the read model sees the change. Every gateway runs
 * its own runner, so each one hears every commit: no shared broker is needed.
 *
 * A plain EventEmitter rather than graphql-subscriptions' PubSub: `on()` registers the listener
 * when the subscription starts (PubSub waits for the first `next()`, so an update right after
 * subscribing could be missed), and the listener count says who is watching.
 */
@Injectable()
export class CohortUpdatesPublisher implements OnModuleInit, OnModuleDestroy {
  private readonly topics = new EventEmitter().setMaxListeners(0);
  private unsubscribe: (() => void) | null = null;

  constructor(@Inject(READ_MODEL_SYNC) private readonly sync: ReadModelSync) {}

  onModuleInit(): void {
    this.unsubscribe = this.sync.onCommitted((change) => this.publish(change));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /**
   * Each item is the emit's argument list, `[CohortChanged]`. Returned as `on()` made it (not
   * wrapped in a generator) so that graphql-ws ending a subscription removes the listener at once.
   */
  updatesOf(cohortId: string): AsyncIterableIterator<CohortUpdate> {
    return on(this.topics, cohortId) as AsyncIterableIterator<CohortUpdate>;
  }

  /** Open subscriptions to one cohort. */
  watchers(cohortId: string): number {
    return this.topics.listenerCount(cohortId);
  }

  private publish(change: CommittedChange): void {
    if (change.projection !== cohortProjection.name) return;
    for (const cohortId of change.keys)
      this.topics.emit(cohortId, { cohortId, position: change.position } satisfies CohortChanged);
  }
}
