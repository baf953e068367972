import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readOrCreateSecretFile } from './secret.file';

const PREFIX = 'ref_';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Opaque references to ids a caller may act on but not read: a blind reviewer scores
 * "ref_…", never an enrollment id that holds the learner's id. Deterministic (the same id is
 * always the same reference, so client caches and repeated reads agree), authenticated (a
 * reference made up or altered decodes to nothing), and reversible by the server alone: an
 * AES-256-GCM encryption whose nonce is an HMAC of the id (the synthetic-IV construction).
 */
export class ReferenceCipher {
  private readonly encryptionKey: Buffer;
  private readonly nonceKey: Buffer;

  constructor(secret: Buffer) {
    if (secret.length !== 32) throw new Error('A reference key is 32 bytes');
    this.encryptionKey = createHmac('sha256', secret).update('sooc reference encryption').digest();
    this.nonceKey = createHmac('sha256', secret).update('sooc reference nonce').digest();
  }

  encode(id: string): string {
    const iv = createHmac('sha256', this.nonceKey).update(id).digest().subarray(0, IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(id, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  /** The id, or null for anything this server did not make. */
  decode(reference: string): string | null {
    if (!reference.startsWith(PREFIX) || reference.length > 1_000) return null;
    const raw = Buffer.from(reference.slice(PREFIX.length), 'base64url');
    if (raw.length <= IV_BYTES + TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return null;
    }
  }

  static isReference(value: string): boolean {
    return value.startsWith(PREFIX);
  }
}

/**
 * SOOC_REFERENCE_KEY (32 bytes, base64) when set — every gateway of a deployment needs the same
 * one; otherwise a key made once in the data directory, as for the local signing key.
 */
export function loadReferenceKey(dataDir: string, configured: string | null): Buffer {
  const text =
    configured ??
    readOrCreateSecretFile(join(dataDir, 'auth', 'reference.key'), () => randomBytes(32).toString('base64'));
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error('SOOC_REFERENCE_KEY must be 32 bytes in base64 (openssl rand -base64 32)');
  return key;
}
