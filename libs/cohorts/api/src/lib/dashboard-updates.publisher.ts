import { EventEmitter, on } from 'node:events';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { cohortsTouched, type CohortsReadDb } from '@sooc/cohorts-read-models';
import { READ_DB, READ_MODEL_SYNC, type CommittedChange, type ReadModelSync } from '@sooc/nest';

export interface DashboardChanged {
  readonly cohortId: string;
  readonly position: bigint;
}

export type DashboardUpdate = [DashboardChanged];

/**
 * Turns the projection runner's commits into one in-process topic per cohort dashboard, like
 * CohortUpdatesPublisher does for cohorts: published after the commit, so a subscriber reading
 * the dashboard then sees the change. A commit names rows of one projection (enrollment ids for
 * the dashboard's applications and seats), so `cohortsTouched` maps it to the dashboards it changes.
 */
@Injectable()
export class DashboardUpdatesPublisher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DashboardUpdatesPublisher.name);
  private readonly topics = new EventEmitter().setMaxListeners(0);
  private unsubscribe: (() => void) | null = null;

  constructor(
    @Inject(READ_MODEL_SYNC) private readonly sync: ReadModelSync,
    @Inject(READ_DB) private readonly db: CohortsReadDb,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.sync.onCommitted((change) => void this.publish(change));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Returned as `on()` made it, so that graphql-ws ending a subscription removes the listener at once. */
  updatesOf(cohortId: string): AsyncIterableIterator<DashboardUpdate> {
    return on(this.topics, cohortId) as AsyncIterableIterator<DashboardUpdate>;
  }

  /** Open subscriptions to one cohort's dashboard. */
  watchers(cohortId: string): number {
    return this.topics.listenerCount(cohortId);
  }

  private async publish(change: CommittedChange): Promise<void> {
    // Nobody watches most of the time: skip the lookup then.
    if (this.topics.eventNames().length === 0) return;
    try {
      for (const cohortId of await cohortsTouched(this.db, change)) {
        this.topics.emit(cohortId, { cohortId, position: change.position } satisfies DashboardChanged);
      }
    } catch (error) {
      // A missed push is repaired by the next one or a query; it must not break the runner's listener.
      this.logger.warn(
        `dashboard update after ${change.projection} @${change.position} not published: ${String(error)}`,
      );
    }
  }
}
