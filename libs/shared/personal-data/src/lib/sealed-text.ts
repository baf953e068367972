import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * A personal value as it is stored: `pd1:<keyId>:<base64url(iv | tag | ciphertext)>`, AES-256-GCM
 * under the subject's key, with the key id as additional data. The key id is random, so a sealed
 * value names neither its subject nor its content; the value is opened only at the edge (GraphQL
 * responses, exports) for whoever may read it.
 */
const PREFIX = 'pd1:';
const SEALED = /^pd1:([0-9a-f]{24}):([A-Za-z0-9_-]{38,})$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const KEY_BYTES = 32;

export interface SubjectKey {
  readonly keyId: string;
  readonly key: Buffer;
}

export function newSubjectKey(): SubjectKey {
  return { keyId: randomBytes(12).toString('hex'), key: randomBytes(KEY_BYTES) };
}

export function seal({ keyId, key }: SubjectKey, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(keyId));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return PREFIX + keyId + ':' + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** A cheap test before the regular expression: most strings of a response are not sealed. */
export function looksSealed(value: string): boolean {
  return value.startsWith(PREFIX) && SEALED.test(value);
}

/** The key id of a sealed value, or null for any other string. */
export function sealedKeyId(value: string): string | null {
  if (!value.startsWith(PREFIX)) return null;
  const match = SEALED.exec(value);
  return match ? match[1] : null;
}

/** The plaintext, or null when the value does not open with this key (not sealed, altered, another key). */
export function unseal(key: Buffer, value: string): string | null {
  const match = SEALED.exec(value);
  if (!match) return null;
  const blob = Buffer.from(match[2], 'base64url');
  if (blob.length < IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(match[1]));
    decipher.setAuthTag(blob.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(blob.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
