import type { JWTPayload } from 'jose';
import type { Principal } from './principal';
import { strongestRole } from './role';

/**
 * Where an identity provider puts what sooc needs: each a claim name or a dotted path into nested
 * claims (Keycloak's `realm_access.roles`). SOOC_ROLES_CLAIM, SOOC_COMPANY_CLAIM, SOOC_LEARNER_CLAIM,
 * SOOC_COHORTS_CLAIM.
 */
export interface ClaimNames {
  readonly roles: string;
  readonly company: string;
  readonly learner: string;
  readonly cohorts: string;
}

export const DEFAULT_CLAIM_NAMES: ClaimNames = {
  roles: 'roles',
  company: 'company',
  learner: 'learner',
  cohorts: 'cohorts',
};

const MAX_ID_LENGTH = 200;

function claimAt(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A list claim may be an array or one space- or comma-separated string (OAuth's `scope` style). */
function listAt(payload: JWTPayload, path: string): string[] {
  const value = claimAt(payload, path);
  const items = typeof value === 'string' ? value.split(/[\s,]+/) : Array.isArray(value) ? value : [];
  return items.filter(
    (item): item is string => typeof item === 'string' && item !== '' && item.length <= MAX_ID_LENGTH,
  );
}

function idAt(payload: JWTPayload, path: string): string | null {
  const value = claimAt(payload, path);
  return typeof value === 'string' && value !== '' && value.length <= MAX_ID_LENGTH ? value : null;
}

/**
 * A verified token's claims as a principal. The subject is `sub`, or `client_id` for providers
 * that leave `sub` out of client-credentials tokens.
 */
export function principalFromClaims(payload: JWTPayload, names: ClaimNames): Principal {
  const subject = idAt(payload, 'sub') ?? idAt(payload, 'client_id') ?? idAt(payload, 'azp');
  if (subject === null) throw new InvalidTokenError('it names no subject (sub)');
  return {
    subject,
    role: strongestRole(listAt(payload, names.roles)),
    authenticated: true,
    cohorts: listAt(payload, names.cohorts),
    companyId: idAt(payload, names.company),
    learnerId: idAt(payload, names.learner),
    expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : null,
  };
}

/** A bearer token that does not prove who calls: the caller is told why, and nothing runs. */
export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(`The bearer token is not valid: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}
