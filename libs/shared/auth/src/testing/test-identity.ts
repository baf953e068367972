import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearerAuthenticator, type Authenticate } from '../lib/bearer.authenticator';
import { loadOrCreateLocalKey, type LocalSigningKey } from '../lib/local-signing-key';
import { localTokenVerifier } from '../lib/local.verifier';
import { ReferenceCipher } from '../lib/reference.cipher';
import { mintLocalToken, type TokenRequest } from '../lib/token.minter';

/** Who a spec calls as: a token request (role, subject, scope), minted when the request is sent. */
export type Persona = TokenRequest;

/**
 * A local issuer for specs that boot an API without the gateway: its own key, the real verifier
 * and authenticator, and tokens for any persona.
 */
export class TestIdentity {
  readonly references = new ReferenceCipher(Buffer.alloc(32, 7));

  private constructor(
    private readonly key: LocalSigningKey,
    readonly authenticate: Authenticate,
  ) {}

  static async create(): Promise<TestIdentity> {
    const dir = mkdtempSync(join(tmpdir(), 'sooc-identity-'));
    try {
      const key = await loadOrCreateLocalKey(dir);
      return new TestIdentity(key, bearerAuthenticator(localTokenVerifier(key, { cacheMs: 60_000 })));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  async headers(persona: Persona | null): Promise<Record<string, string>> {
    return persona === null ? {} : { authorization: `Bearer ${await mintLocalToken(this.key, persona)}` };
  }
}
