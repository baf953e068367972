import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { DEFAULT_CLAIM_NAMES, InvalidTokenError } from './claims.mapping';
import { TokenVerifier } from './token.verifier';

describe('TokenVerifier', () => {
  let privateKey: CryptoKey;
  let jwk: JWK;
  let now = Date.parse('2030-01-01T00:00:00Z');

  beforeAll(async () => {
    const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    privateKey = pair.privateKey;
    jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'EdDSA' };
  });

  const verifier = (cacheMs: number) =>
    new TokenVerifier({
      issuer: 'iss',
      audience: 'aud',
      keys: createLocalJWKSet({ keys: [jwk] }),
      claims: DEFAULT_CLAIM_NAMES,
      cacheMs,
      maxCachedTokens: 2,
      now: () => now,
    });
  const token = (expSeconds: number) =>
    new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k1' })
      .setIssuer('iss')
      .setAudience('aud')
      .setSubject('u')
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(now / 1000) + expSeconds)
      .sign(privateKey);

  it('remembers a verified token for its cache age, never past its expiry', async () => {
    const v = verifier(60_000);
    const short = await token(10);
    expect(v.cached(short)).toBeUndefined();
    await v.verify(short);
    expect(v.cached(short)?.subject).toBe('u');
    now += 11_000;
    expect(v.cached(short)).toBeUndefined();
    await expect(v.verify(short)).rejects.toThrow(new InvalidTokenError('it has expired'));
    const long = await token(3600);
    await v.verify(long);
    now += 61_000;
    expect(v.cached(long)).toBeUndefined();
  });

  it('keeps at most maxCachedTokens, forgetting the oldest', async () => {
    const v = verifier(60_000);
    const [a, b, c] = await Promise.all([token(100), token(200), token(300)]);
    for (const t of [a, b, c]) await v.verify(t);
    expect(v.cached(a)).toBeUndefined();
    expect(v.cached(b)).toBeDefined();
    expect(v.cached(c)).toBeDefined();
  });

  it('never caches a refused token', async () => {
    const v = verifier(60_000);
    const bad = `${(await token(100)).slice(0, -3)}AAA`;
    await expect(v.verify(bad)).rejects.toBeInstanceOf(InvalidTokenError);
    expect(v.cached(bad)).toBeUndefined();
  });
});
