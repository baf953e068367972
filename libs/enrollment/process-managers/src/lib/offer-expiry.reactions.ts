import type { ExpireOffer } from '@sooc/enrollment-domain';
import { toEnrollment } from './reaction.builders';
import type { EnrollmentReaction } from './reaction.types';

/** An open offer whose expiry the clock has passed, as the reactor's due-offers read model lists it. */
export interface DueOffer {
  readonly enrollmentId: string;
  readonly cohortId: string;
  readonly learnerId: string;
  readonly expiresAt: string;
}

/**
 * Time, not an event, triggers an expiry. The enrollment decides with the command's `now`, and
 * answers with nothing when the offer was accepted, declined or expired meanwhile (the read model
 * may lag), so the same due offer can safely be sent twice.
 */
export function expiryReactions(due: readonly DueOffer[]): EnrollmentReaction[] {
  return due.map(({ enrollmentId, cohortId, learnerId }) =>
    toEnrollment<ExpireOffer>({ type: 'ExpireOffer', data: { enrollmentId, cohortId, learnerId } }),
  );
}
