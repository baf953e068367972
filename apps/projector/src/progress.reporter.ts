import { errorMessage } from '@sooc/util';
import type { ProjectionRunner } from '@sooc/read-store';
import type { EventCounter } from './instrumented.event-store';
import type { Logger } from './projector.logger';

export interface ProgressReporter {
  stop(): void;
}

/**
 * While catching up, one line per interval: lowest checkpoint / store head and the rate since the
 * last line; once caught up, a line only at debug level and only when something moved.
 */
export function reportProgress(
  runner: ProjectionRunner,
  counter: EventCounter,
  log: Logger,
  isCaughtUp: () => boolean,
  intervalMs = 1_000,
): ProgressReporter {
  let lastCount = counter.count;
  let lastAt = performance.now();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    runner
      .status()
      .then((status) => {
        const now = performance.now();
        const rate = ((counter.count - lastCount) * 1000) / (now - lastAt);
        const moved = counter.count !== lastCount;
        [lastCount, lastAt] = [counter.count, now];
        const line = `position ${status.processed ?? 'none'} / head ${status.head ?? 'none'}, ${Math.round(rate)} events/s (${counter.count} events since start)`;
        if (!isCaughtUp()) log.info(`catching up: ${line}`);
        else if (moved) log.debug(line);
      })
      .catch((error: unknown) => log.error(`progress: ${errorMessage(error)}`))
      .finally(() => (busy = false));
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
