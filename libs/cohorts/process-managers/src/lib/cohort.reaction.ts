import type { CohortCommand } from '@sooc/cohorts-domain';
import { cohortStream } from '@sooc/cohorts-domain';

type Unsent<C extends { metadata: unknown }> = Omit<C, 'metadata'>;

/** A command the cohort's process managers want sent to a cohort, through the reactor's command path. */
export interface CohortReaction {
  readonly aggregate: 'cohort';
  readonly streamId: string;
  readonly command: Unsent<CohortCommand>;
}

/**
 * Typed per command (the union alone would accept any command's data under any type), and
 * naming the stream, so no reaction can send a command to the wrong cohort.
 */
export function toCohort<C extends CohortCommand>(command: Unsent<C>): CohortReaction {
  return { aggregate: 'cohort', streamId: cohortStream((command.data as { cohortId: string }).cohortId), command };
}
