import { IllegalStateError, NotFoundError } from '@sooc/event-sourcing';
import type { EnrollmentRef } from './enrollment.events';
import type { EnrollmentState, ExistingEnrollment } from './enrollment.state';

/** The ref of the stream as folded: events name the enrollment as it was submitted, never as a later command spells it. */
export function refOf(state: ExistingEnrollment): EnrollmentRef {
  return { enrollmentId: state.enrollmentId, cohortId: state.cohortId, learnerId: state.learnerId };
}

export function requireExisting(state: EnrollmentState, ref: EnrollmentRef): ExistingEnrollment {
  if (state.status === 'none') {
    throw new NotFoundError('ENROLLMENT.NOT_FOUND', `No application ${ref.enrollmentId} exists`, {
      enrollmentId: ref.enrollmentId,
    });
  }
  return state;
}

export function noOpenOffer(state: ExistingEnrollment): IllegalStateError {
  return new IllegalStateError(
    'ENROLLMENT.NO_OPEN_OFFER',
    `Application ${state.enrollmentId} has no open seat offer (it is ${state.status})`,
    {
      enrollmentId: state.enrollmentId,
      status: state.status,
    },
  );
}

export function offerExpired(state: ExistingEnrollment): IllegalStateError {
  return new IllegalStateError(
    'ENROLLMENT.OFFER_EXPIRED',
    `The seat offer of application ${state.enrollmentId} expired at ${String(state.offerExpiresAt)}`,
    {
      enrollmentId: state.enrollmentId,
      expiresAt: state.offerExpiresAt,
    },
  );
}

/** Offers expire at their instant: from `expiresAt` on the seat goes to the next learner. */
export function isPastExpiry(state: ExistingEnrollment, now: Date): boolean {
  return state.offerExpiresAt !== null && now.getTime() >= Date.parse(state.offerExpiresAt);
}
