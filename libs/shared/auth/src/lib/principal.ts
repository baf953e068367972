import type { Actor } from '@sooc/event-sourcing';
import type { Role } from './role';

/**
 * Who calls, as a verified token says, and what they are bound to: a facilitator or reviewer to
 * cohorts, a partner to a company, a learner to a learner id. Anonymous callers have no token.
 */
export interface Principal {
  /** The token's subject (a user, or a client for client-credentials tokens); every event's actor id. */
  readonly subject: string;
  /** Null for anonymous callers, and for a valid token that names no sooc role. */
  readonly role: Role | null;
  readonly authenticated: boolean;
  readonly cohorts: readonly string[];
  readonly companyId: string | null;
  readonly learnerId: string | null;
  /** When the token stops being valid (ms since the epoch); null for anonymous callers. */
  readonly expiresAt: number | null;
}

export const ANONYMOUS_PRINCIPAL: Principal = {
  subject: 'anonymous',
  role: null,
  authenticated: false,
  cohorts: [],
  companyId: null,
  learnerId: null,
  expiresAt: null,
};

/** The actor stamped on the events a principal's commands write. */
export function actorOf(principal: Principal): Actor {
  return { id: principal.subject, role: principal.role ?? 'anonymous' };
}
