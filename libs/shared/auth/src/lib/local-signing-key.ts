import { join } from 'node:path';
import { readOrCreateSecretFile } from './secret.file';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

/** Local tokens' issuer and audience: nothing else signs with this key, so the names only need to be fixed. */
export const LOCAL_ISSUER = 'urn:sooc:local';
export const LOCAL_AUDIENCE = 'sooc';
export const LOCAL_ALGORITHM = 'EdDSA';

export interface LocalSigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
  /** What `/.well-known/jwks.json` serves. */
  readonly jwks: { readonly keys: readonly JWK[] };
}

export function localKeyPath(dataDir: string): string {
  return join(dataDir, 'auth', 'signing-key.json');
}

/**
 * The key `SOOC_AUTH=local` signs and verifies with: made on first start in the data directory,
 * readable by its owner only, then read by the gateway and the CLI alike.
 */
export async function loadOrCreateLocalKey(dataDir: string): Promise<LocalSigningKey> {
  const path = localKeyPath(dataDir);
  // Generated even when the file exists: cheap, and it keeps the file's creation in one place.
  const { privateKey } = await generateKeyPair(LOCAL_ALGORITHM, { crv: 'Ed25519', extractable: true });
  const created = JSON.stringify({ ...(await exportJWK(privateKey)), alg: LOCAL_ALGORITHM, use: 'sig' });
  const text = readOrCreateSecretFile(path, () => created);
  try {
    return await fromPrivateJwk(JSON.parse(text) as JWK);
  } catch {
    throw new Error(
      `${path} is not an Ed25519 JSON Web Key: delete it to make a new key (tokens signed with the old one stop working)`,
    );
  }
}

async function fromPrivateJwk(jwk: JWK): Promise<LocalSigningKey> {
  const privateKey = (await importJWK(jwk, LOCAL_ALGORITHM)) as CryptoKey;
  const { kty, crv, x } = jwk;
  const kid = await calculateJwkThumbprint({ kty, crv, x });
  const publicJwk: JWK = { kty, crv, x, kid, alg: LOCAL_ALGORITHM, use: 'sig' };
  return { kid, privateKey, publicJwk, jwks: { keys: [publicJwk] } };
}
