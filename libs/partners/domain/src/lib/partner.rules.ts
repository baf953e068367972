import { FieldProblems, isIntegerBetween, isWellFormedId, trimmed, ValidationError } from '@sooc/event-sourcing';
import type { ExistingPartner } from './partner.state';
import { isPartnerFeedEventType, PARTNER_FEED_EVENT_TYPES, type WebhookEventTypes } from './partner-feed.event-types';

export const PARTNER_LIMITS = {
  nameMin: 2,
  nameMax: 200,
  contactMax: 254,
  reasonMax: 500,
  descriptionMax: 500,
  urlMax: 2048,
  endpointsMax: 10,
  /** Standard Webhooks: a symmetric secret of 24 to 64 random bytes. */
  secretBytesMin: 24,
  secretBytesMax: 64,
  /** The longest a rotated-out secret keeps signing: long enough to deploy a receiver, short enough to bound a leak. */
  overlapSecondsMax: 7 * 24 * 60 * 60,
} as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const WHSEC = /^whsec_((?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?)$/;

/** The number of bytes a `whsec_` secret's base64 encodes, or null when it is not one. */
export function secretByteLength(secret: unknown): number | null {
  if (typeof secret !== 'string') return null;
  const match = WHSEC.exec(secret);
  if (!match) return null;
  const base64 = match[1];
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

function isSecret(secret: unknown): secret is string {
  const bytes = secretByteLength(secret);
  return bytes !== null && bytes >= PARTNER_LIMITS.secretBytesMin && bytes <= PARTNER_LIMITS.secretBytesMax;
}

/**
 * Only the URL's shape is the domain's to check: where its host resolves to (loopback, private,
 * metadata addresses) is checked against DNS by the feed before the command is sent, and again
 * before each delivery.
 */
function isWebhookUrl(url: string): boolean {
  if (url.length > PARTNER_LIMITS.urlMax) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.hash === ''
  );
}

export function requirePartnerId(problems: FieldProblems, partnerId: unknown): void {
  problems.require(
    isWellFormedId(partnerId),
    'partnerId',
    'PARTNER.ID_INVALID',
    'partnerId is required, without surrounding blanks',
  );
}

export function requireEndpointId(problems: FieldProblems, endpointId: unknown): void {
  problems.require(
    isWellFormedId(endpointId),
    'endpointId',
    'WEBHOOK_ENDPOINT.ID_INVALID',
    'endpointId is required, without surrounding blanks',
  );
}

export function requireReason(problems: FieldProblems, value: unknown, code: string): string {
  const reason = trimmed(value) ?? '';
  problems.requireText(
    'reason',
    reason,
    { min: 1, max: PARTNER_LIMITS.reasonMax },
    code,
    `reason is required, at most ${PARTNER_LIMITS.reasonMax} characters`,
  );
  return reason;
}

export function requireName(problems: FieldProblems, value: unknown): string {
  const name = trimmed(value) ?? '';
  const { nameMin, nameMax } = PARTNER_LIMITS;
  problems.requireText(
    'name',
    name,
    { min: nameMin, max: nameMax },
    'PARTNER.NAME_INVALID',
    `name must be ${nameMin} to ${nameMax} characters`,
  );
  return name;
}

export function requireContact(problems: FieldProblems, value: unknown): string {
  const contact = trimmed(value) ?? '';
  problems.require(
    contact.length <= PARTNER_LIMITS.contactMax && EMAIL.test(contact),
    'contact',
    'PARTNER.CONTACT_INVALID',
    `contact must be an e-mail address (name@example.org) of at most ${PARTNER_LIMITS.contactMax} characters`,
  );
  return contact;
}

export function requireUrl(problems: FieldProblems, value: unknown): string {
  const url = trimmed(value) ?? '';
  problems.require(
    isWebhookUrl(url),
    'url',
    'WEBHOOK_ENDPOINT.URL_INVALID',
    `url must be an http(s) URL of at most ${PARTNER_LIMITS.urlMax} characters, without credentials or fragment`,
  );
  return url;
}

/** `'all'`, or a non-empty list of catalogue types without repeats. */
export function requireEventTypes(problems: FieldProblems, value: unknown): WebhookEventTypes {
  if (value === 'all') return 'all';
  const code = 'WEBHOOK_ENDPOINT.EVENT_TYPES_INVALID';
  if (!Array.isArray(value) || value.length === 0) {
    problems.add('eventTypes', code, `eventTypes must be "all" or a non-empty list of the feed's event types`);
    return [];
  }
  const seen = new Set<string>();
  value.forEach((type: unknown, index) => {
    if (!isPartnerFeedEventType(type))
      problems.add(
        `eventTypes[${index}]`,
        code,
        `eventTypes[${index}] is not one of the feed's event types (${PARTNER_FEED_EVENT_TYPES[0]}, …)`,
      );
    else if (seen.has(type))
      problems.add(`eventTypes[${index}]`, code, `eventTypes[${index}] "${type}" is listed twice`);
    else seen.add(type);
  });
  return value.filter(isPartnerFeedEventType);
}

export function requireDescription(problems: FieldProblems, value: unknown): string {
  const description = value === undefined || value === null ? '' : trimmed(value);
  problems.requireText(
    'description',
    description,
    { max: PARTNER_LIMITS.descriptionMax },
    'WEBHOOK_ENDPOINT.DESCRIPTION_INVALID',
    `description must be a text of at most ${PARTNER_LIMITS.descriptionMax} characters`,
  );
  return description ?? '';
}

export function requireSecret(problems: FieldProblems, field: string, value: unknown): string {
  const { secretBytesMin, secretBytesMax } = PARTNER_LIMITS;
  problems.require(
    isSecret(value),
    field,
    'WEBHOOK_ENDPOINT.SECRET_INVALID',
    `${field} must be "whsec_" followed by the base64 of ${secretBytesMin} to ${secretBytesMax} bytes`,
  );
  return typeof value === 'string' ? value : '';
}

/** From 0 (an immediate switch) to the longest overlap, in whole seconds; the instant it ends, or null when refused. */
export function requireOverlap(problems: FieldProblems, value: unknown, now: Date): Date | null {
  const max = PARTNER_LIMITS.overlapSecondsMax;
  const ok = isIntegerBetween(value, 0, max);
  problems.require(
    ok,
    'overlapSeconds',
    'WEBHOOK_ENDPOINT.OVERLAP_INVALID',
    `overlapSeconds must be a whole number of seconds from 0 to ${max} (7 days)`,
  );
  return ok ? new Date(now.getTime() + (value as number) * 1000) : null;
}

/**
 * Standard Webhooks: a symmetric key per endpoint. A secret that an endpoint of the partner still
 * signs with is refused: sharing one would let one leak sign for both.
 */
export function requireSecretUnused(partner: ExistingPartner, secret: string, field: string): void {
  const used = Object.values(partner.endpoints).some((e) => e.secrets.some((s) => s.secret === secret));
  if (used)
    throw new ValidationError(
      'WEBHOOK_ENDPOINT.SECRET_REUSED',
      `${field} is already used by a webhook endpoint of partner ${partner.partnerId}: generate a new one`,
      [{ field, message: `${field} must be a new secret` }],
    );
}
