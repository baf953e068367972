import { errorMessage } from '@sooc/util';
import type { BatchedOutcome, DomainEvent } from '@sooc/event-sourcing';
import type { ReactorLog } from './reactor.logger';
import { refusalOf } from './reactor.refusals';

/** What became of a command the reactor sent: events written, nothing to do (a repeat), or refused by its aggregate. */
export type CommandOutcome = 'written' | 'unchanged' | 'refused';

export const COMMAND_OUTCOMES: readonly CommandOutcome[] = ['written', 'unchanged', 'refused'];

/**
 * Hooks for whoever watches the reactor (apps/reactor turns them into Prometheus metrics), so the
 * engine itself never depends on a metrics library. Called synchronously on the reactor's path:
 * keep them cheap.
 */
export interface ReactorObserver {
  /** After each batch decided on a stream (events and offer expiries alike), once per outcome present. */
  onOutcome?(outcome: CommandOutcome, count: number): void;
  /** The checkpoint found at start, then each position saved after it. */
  onCheckpoint?(position: bigint): void;
}

/** How many commands of a decided batch came to each outcome; a failure that is not a refusal counts as none. */
export function countOutcomes(outcomes: readonly BatchedOutcome<DomainEvent>[]): Record<CommandOutcome, number> {
  const counts: Record<CommandOutcome, number> = { written: 0, unchanged: 0, refused: 0 };
  for (const outcome of outcomes) {
    if (outcome.ok) counts[outcome.events.length > 0 ? 'written' : 'unchanged']++;
    else if (refusalOf(outcome.error) !== null) counts.refused++;
  }
  return counts;
}

/**
 * The observer with every hook present and none able to break the reactor: a hook that throws is
 * logged once and the reactor goes on (a broken gauge must not stop offers expiring).
 */
export function guardedObserver(observer: ReactorObserver | undefined, log: ReactorLog): Required<ReactorObserver> {
  let warned = false;
  const guard =
    <A extends unknown[]>(hook: ((...args: A) => void) | undefined) =>
    (...args: A) => {
      try {
        hook?.(...args);
      } catch (error) {
        if (!warned)
          log.error(`the reactor's observer failed (further failures are not logged): ${errorMessage(error)}`);
        warned = true;
      }
    };
  return {
    onOutcome: guard(observer?.onOutcome?.bind(observer)),
    onCheckpoint: guard(observer?.onCheckpoint?.bind(observer)),
  };
}
