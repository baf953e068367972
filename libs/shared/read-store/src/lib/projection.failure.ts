import { errorMessage } from '@sooc/util';
import type { RecordedEvent } from '@sooc/event-sourcing';

/**
 * `apply` (or a write) failed: the batch was rolled back, rows and checkpoint together, and the
 * runner stopped on this event rather than skip it. Fix the projection (or the data) and restart.
 */
export class ProjectionFailure extends Error {
  constructor(
    readonly projection: string,
    readonly event: Pick<RecordedEvent, 'id' | 'type' | 'streamId' | 'position'> | null,
    override readonly cause: unknown,
  ) {
    const reason = errorMessage(cause);
    const at = event ? ` on ${event.type} ${event.id} (stream ${event.streamId}, position ${event.position})` : '';
    super(`Projection "${projection}" failed${at}: ${reason}`);
    this.name = 'ProjectionFailure';
  }
}
