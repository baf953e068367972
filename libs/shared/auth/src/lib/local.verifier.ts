import { createLocalJWKSet } from 'jose';
import { DEFAULT_CLAIM_NAMES, type ClaimNames } from './claims.mapping';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, type LocalSigningKey } from './local-signing-key';
import { TokenVerifier } from './token.verifier';

/** The verifier of the local issuer's tokens: its one key, its fixed issuer and audience. */
export function localTokenVerifier(
  key: LocalSigningKey,
  { claims = DEFAULT_CLAIM_NAMES, cacheMs }: { claims?: ClaimNames; cacheMs: number },
): TokenVerifier {
  return new TokenVerifier({
    issuer: LOCAL_ISSUER,
    audience: LOCAL_AUDIENCE,
    keys: createLocalJWKSet({ keys: [...key.jwks.keys] }),
    claims,
    cacheMs,
  });
}
