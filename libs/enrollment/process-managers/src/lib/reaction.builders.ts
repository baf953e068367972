import { enrollmentStream, type EnrollmentCommand } from '@sooc/enrollment-domain';
import type { EnrollmentReaction } from './reaction.types';

type Unsent<C extends { metadata: unknown }> = Omit<C, 'metadata'>;

/**
 * Typed per command (the union alone would accept any command's data under any type), and
 * naming the stream, so no reaction can send a command to the wrong enrollment.
 */
export function toEnrollment<C extends EnrollmentCommand>(command: Unsent<C>): EnrollmentReaction {
  const { cohortId, learnerId } = command.data as { cohortId: string; learnerId: string };
  return { aggregate: 'enrollment', streamId: enrollmentStream(cohortId, learnerId), command };
}
