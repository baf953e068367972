import { SignJWT } from 'jose';
import { LOCAL_ALGORITHM, LOCAL_AUDIENCE, LOCAL_ISSUER, type LocalSigningKey } from './local-signing-key';
import type { Role } from './role';

export interface TokenRequest {
  readonly role: Role;
  readonly subject?: string;
  readonly companyId?: string;
  readonly learnerId?: string;
  readonly cohorts?: readonly string[];
  /** Seconds; one hour by default. */
  readonly ttlSeconds?: number;
}

export const DEFAULT_TOKEN_TTL_SECONDS = 3600;

/** A token of the local issuer, with the default claim names (roles, company, learner, cohorts). */
export async function mintLocalToken(key: LocalSigningKey, request: TokenRequest, now = Date.now()): Promise<string> {
  const claims: Record<string, unknown> = { roles: [request.role] };
  if (request.companyId) claims['company'] = request.companyId;
  if (request.learnerId) claims['learner'] = request.learnerId;
  if (request.cohorts?.length) claims['cohorts'] = [...request.cohorts];
  const issuedAt = Math.floor(now / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: LOCAL_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setSubject(request.subject ?? defaultSubject(request))
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (request.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS))
    .sign(key.privateKey);
}

/** A readable subject when none is given: a learner is their learner id, the others their role. */
function defaultSubject(request: TokenRequest): string {
  return request.learnerId ?? (request.companyId ? `${request.role}-${request.companyId}` : `local-${request.role}`);
}
