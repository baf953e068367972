import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A receiver's check of a Standard Webhooks signature, written from the specification
 * (standard-webhooks.md, "Signature scheme" and "Verifying signatures") and not with the package
 * that signs, so a mistake shared by both can't hide: the secret is `whsec_` + base64 of the key;
 * the signed content is `{webhook-id}.{webhook-timestamp}.{raw body}`; the signature is the
 * base64 of its HMAC-SHA256; `webhook-signature` lists space-separated `v1,<base64>` entries (other
 * versions, such as the asymmetric `v1a`, are skipped); one match in constant time suffices; and
 * the timestamp (integer Unix seconds) must be within the tolerance of the receiver's clock.
 */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

export type Verification = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface VerifyOptions {
  readonly now?: Date;
  readonly toleranceSeconds?: number;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function keyOf(secret: string): Buffer {
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  if (!BASE64.test(encoded) || encoded.length === 0) throw new Error('The secret is not whsec_ followed by base64');
  return Buffer.from(encoded, 'base64');
}

function header(headers: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

export function verifyStandardWebhook(
  headers: Readonly<Record<string, string | undefined>>,
  body: string | Buffer,
  secret: string,
  options: VerifyOptions = {},
): Verification {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) return { ok: false, reason: 'missing header' };
  if (!/^\d+$/.test(timestamp)) return { ok: false, reason: 'timestamp is not integer Unix seconds' };
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - Number(timestamp)) > (options.toleranceSeconds ?? TIMESTAMP_TOLERANCE_SECONDS))
    return { ok: false, reason: 'timestamp outside the tolerance' };

  const content = Buffer.concat([Buffer.from(`${id}.${timestamp}.`, 'utf8'), Buffer.from(body)]);
  const expected = createHmac('sha256', keyOf(secret)).update(content).digest();
  for (const entry of signatures.split(' ')) {
    const comma = entry.indexOf(',');
    if (comma === -1 || entry.slice(0, comma) !== 'v1') continue;
    const encoded = entry.slice(comma + 1);
    if (!BASE64.test(encoded)) continue;
    const given = Buffer.from(encoded, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true };
  }
  return { ok: false, reason: 'no matching signature' };
}
