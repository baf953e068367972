import { errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { InvalidTokenError, principalFromClaims, type ClaimNames } from './claims.mapping';
import type { Principal } from './principal';

/** Asymmetric signatures only: `none` and the HMAC family (a public key used as a secret) are refused. */
export const ACCEPTED_ALGORITHMS = [
  'EdDSA',
  'Ed25519',
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
];

export interface TokenVerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  /** The issuer's public keys, picked by the token's `kid`. */
  readonly keys: JWTVerifyGetKey;
  readonly claims: ClaimNames;
  /**
   * How long a verified token is trusted without checking its signature again (never past its
   * `exp`). At most the key set's cache age, so a token of a removed key stops working when a
   * verification would have refused it.
   */
  readonly cacheMs: number;
  readonly maxCachedTokens?: number;
  readonly now?: () => number;
}

interface Verified {
  readonly principal: Principal;
  readonly until: number;
}

/**
 * Bearer JWTs to principals. A signature check costs more than a trivial query here, so verified
 * tokens are remembered by their exact text: a client sends the same token with every request.
 */
export class TokenVerifier {
  private readonly cache = new Map<string, Verified>();
  private readonly maxCached: number;
  private readonly now: () => number;

  constructor(private readonly options: TokenVerifierOptions) {
    this.maxCached = options.maxCachedTokens ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** The principal of a token verified a moment ago, without awaiting anything; undefined otherwise. */
  cached(token: string): Principal | undefined {
    const hit = this.cache.get(token);
    if (hit === undefined) return undefined;
    if (hit.until > this.now()) return hit.principal;
    this.cache.delete(token);
    return undefined;
  }

  async verify(token: string): Promise<Principal> {
    const hit = this.cached(token);
    if (hit) return hit;
    const { issuer, audience, keys, claims } = this.options;
    let principal: Principal;
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer,
        audience,
        algorithms: ACCEPTED_ALGORITHMS,
        requiredClaims: ['exp'],
        currentDate: new Date(this.now()),
      });
      principal = principalFromClaims(payload, claims);
    } catch (error) {
      throw error instanceof InvalidTokenError ? error : new InvalidTokenError(reasonOf(error));
    }
    this.remember(token, principal);
    return principal;
  }

  private remember(token: string, principal: Principal): void {
    if (this.cache.size >= this.maxCached) {
      // Oldest first: Map keeps insertion order.
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    const until = Math.min(principal.expiresAt ?? Infinity, this.now() + this.options.cacheMs);
    this.cache.set(token, { principal, until });
  }
}

/** What a client can fix, without telling an attacker more than the token already shows. */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'it has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf' || error.claim === 'iat') return 'it is not valid yet';
    if (error.claim === 'iss') return 'it was issued by another issuer';
    if (error.claim === 'aud') return 'it is meant for another audience';
    return `its "${error.claim}" claim is wrong (${error.reason})`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'its signature algorithm is not accepted';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no key of the issuer matches its kid';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError))
    return 'the identity provider could not be reached to check it';
  return 'it is not a well-formed signed JWT';
}
