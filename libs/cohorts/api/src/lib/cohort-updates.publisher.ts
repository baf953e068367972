import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { cohortProjection } from '@sooc/cohorts-read-models';
import { READ_MODEL_SYNC, type CommittedChange, type ReadModelSync } from '@sooc/nest';
import { PubSub } from 'graphql-subscriptions';

export interface CohortChanged {
  readonly cohortId: string;
  readonly position: bigint;
}

const topicOf = (cohortId: string) => `cohortUpdated:${cohortId}`;

/**
 * Turns the projection runner's commits into per-cohort topics. It publishes after the commit,
 * so a subscriber that reads the read model then sees the change. In-process PubSub: every
 * gateway instance runs its own runner, so each one hears every commit.
 */
@Injectable()
export class CohortUpdatesPublisher implements OnModuleInit, OnModuleDestroy {
  private readonly pubSub = new PubSub<Record<string, CohortChanged>>();
  private unsubscribe: (() => void) | null = null;

  constructor(@Inject(READ_MODEL_SYNC) private readonly sync: ReadModelSync) {}

  onModuleInit(): void {
    this.unsubscribe = this.sync.onCommitted((change) => this.publish(change));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  updatesOf(cohortId: string): AsyncIterableIterator<CohortChanged> {
    return this.pubSub.asyncIterableIterator(topicOf(cohortId));
  }

  private publish(change: CommittedChange): void {
    if (change.projection !== cohortProjection.name) return;
    for (const cohortId of change.keys) void this.pubSub.publish(topicOf(cohortId), { cohortId, position: change.position });
  }
}
