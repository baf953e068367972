import {
  bearerAuthenticator,
  loadOrCreateLocalKey,
  loadReferenceKey,
  localTokenVerifier,
  mintLocalToken,
  oidcKeys,
  ReferenceCipher,
  TokenVerifier,
  type Authenticate,
} from '@sooc/auth';
import type { JWK } from 'jose';
import type { TokenRequest } from '@sooc/auth';
import type { AuthConfig } from './auth.config';

/** How this gateway tells who calls, and what it publishes for others to check its tokens. */
export interface Identity {
  readonly authenticate: Authenticate;
  /** Local mode only: the public keys `/.well-known/jwks.json` serves. */
  readonly jwks: { readonly keys: readonly JWK[] } | null;
  readonly references: ReferenceCipher;
  /** Local mode only: signs a token with the data directory's key, as `npm run sooc -- token` does (the console's development sign-in). */
  readonly mintLocal: ((request: TokenRequest) => Promise<string>) | null;
}

/** Verified tokens are trusted this long in local mode: the key only changes when its file is deleted. */
const LOCAL_TOKEN_CACHE_MS = 5 * 60_000;

export async function openIdentity(config: AuthConfig, dataDir: string): Promise<Identity> {
  const references = new ReferenceCipher(loadReferenceKey(dataDir, config.referenceKey));
  if (config.mode === 'local') {
    const key = await loadOrCreateLocalKey(dataDir);
    const verifier = localTokenVerifier(key, { claims: config.claims, cacheMs: LOCAL_TOKEN_CACHE_MS });
    return {
      authenticate: bearerAuthenticator(verifier),
      jwks: key.jwks,
      references,
      mintLocal: (request) => mintLocalToken(key, request),
    };
  }
  const verifier = new TokenVerifier({
    issuer: config.issuer,
    audience: config.audience,
    keys: oidcKeys({
      issuer: config.issuer,
      cacheMaxAgeMs: config.jwksMaxAgeMs,
      cooldownMs: config.jwksCooldownMs,
      timeoutMs: 5_000,
    }),
    claims: config.claims,
    // Never longer than the key set is kept: a token of a removed key stops working with it.
    cacheMs: config.jwksMaxAgeMs,
  });
  return { authenticate: bearerAuthenticator(verifier), jwks: null, references, mintLocal: null };
}
