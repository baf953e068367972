import { cohortStream, type CohortCommand } from '@sooc/cohorts-domain';
import { enrollmentStream, type EnrollmentCommand } from '@sooc/enrollment-domain';
import type { Reaction } from './reaction.types';

type Unsent<C extends { metadata: unknown }> = Omit<C, 'metadata'>;

/**
 * Builders typed per command (the Reaction union alone would accept any command's data under any
 * type) that also name the stream, so no reaction can send a command to the wrong aggregate.
 */
export function toCohort<C extends CohortCommand>(command: Unsent<C>): Reaction {
  return { aggregate: 'cohort', streamId: cohortStream((command.data as { cohortId: string }).cohortId), command };
}

export function toEnrollment<C extends EnrollmentCommand>(command: Unsent<C>): Reaction {
  const { cohortId, learnerId } = command.data as { cohortId: string; learnerId: string };
  return { aggregate: 'enrollment', streamId: enrollmentStream(cohortId, learnerId), command };
}
