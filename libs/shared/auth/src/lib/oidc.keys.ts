import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

export interface OidcKeyOptions {
  readonly issuer: string;
  /** How long a fetched key set is used before it is fetched again (so a removed key stops verifying). */
  readonly cacheMaxAgeMs: number;
  /** The least time between two fetches, even for unknown `kid`s: a flood of made-up kids fetches once. */
  readonly cooldownMs: number;
  readonly timeoutMs: number;
}

/**
 * The provider's keys through its discovery document: fetched when the first token arrives (so
 * the gateway starts while the provider is down), then jose's remote key set, which refetches on
 * an unknown `kid` and once the cache is older than its age.
 */
export function oidcKeys(options: OidcKeyOptions): JWTVerifyGetKey {
  let keySet: Promise<JWTVerifyGetKey> | null = null;
  return async (header, token) => {
    keySet ??= discover(options).catch((error: unknown) => {
      keySet = null; // the next token tries again
      throw error;
    });
    return (await keySet)(header, token);
  };
}

async function discover(options: OidcKeyOptions): Promise<JWTVerifyGetKey> {
  const url = `${options.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
  if (!response.ok) throw new Error(`OpenID discovery at ${url} answered ${response.status}`);
  const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (document.issuer !== options.issuer)
    throw new Error(`OpenID discovery at ${url} names issuer ${String(document.issuer)}, not ${options.issuer}`);
  if (typeof document.jwks_uri !== 'string') throw new Error(`OpenID discovery at ${url} has no jwks_uri`);
  return createRemoteJWKSet(new URL(document.jwks_uri), {
    cacheMaxAge: options.cacheMaxAgeMs,
    cooldownDuration: options.cooldownMs,
    timeoutDuration: options.timeoutMs,
  });
}
