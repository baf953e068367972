import { promises as dns, type LookupAddress } from 'node:dns';
import { ValidationError } from '@sooc/event-sourcing';
import ipaddr from 'ipaddr.js';

/**
 * Why a webhook URL is refused. The address kinds follow the ranges a webhook must never reach
 * (SSRF): this host, the private networks, the cloud's metadata service, and addresses that are
 * not an ordinary unicast host at all.
 */
export type RefusedUrlKind =
  | 'not-a-url'
  | 'scheme'
  | 'not-https'
  | 'credentials'
  | 'unresolvable'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'metadata'
  | 'unspecified'
  | 'multicast'
  | 'broadcast'
  | 'carrier-grade-nat'
  | 'reserved';

export type HostLookup = (hostname: string, options: { all: true }) => Promise<LookupAddress[]>;

export interface WebhookUrlPolicy {
  /** Only https is accepted in production; plain http elsewhere (a receiver on a laptop). */
  readonly production: boolean;
  /** Skips the address checks, not the URL's: for tests with a receiver on loopback (SOOC_WEBHOOK_ALLOW_PRIVATE). */
  readonly allowPrivate: boolean;
  readonly lookup?: HostLookup;
}

export interface CheckedWebhookUrl {
  readonly url: URL;
  /**
   * What the host resolved to, every address checked. A delivery must connect to one of these
   * (a pinned lookup), not resolve the name again: a second answer could point inside (DNS rebinding).
   */
  readonly addresses: readonly LookupAddress[];
}

export const URL_REFUSED = 'WEBHOOK_ENDPOINT.URL_REFUSED';

/** Instance metadata services: AWS, GCP and Azure (IPv4 and AWS's IPv6), ECS task metadata, Alibaba Cloud. */
const METADATA = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254']);

/**
 * ipaddr.js names the special ranges (RFC 6890 and its successors) and unwraps IPv4-mapped IPv6
 * addresses; node's net.BlockList could match the same CIDRs but names none of them, so the
 * table of ranges, and its upkeep, would be ours. Everything but plain unicast is refused: a
 * range added to the registry later is refused until someone decides otherwise.
 */
const KIND_OF_RANGE: Readonly<Record<string, RefusedUrlKind>> = {
  loopback: 'loopback',
  private: 'private',
  uniqueLocal: 'private',
  deprecatedSiteLocal: 'private',
  linkLocal: 'link-local',
  unspecified: 'unspecified',
  multicast: 'multicast',
  broadcast: 'broadcast',
  carrierGradeNat: 'carrier-grade-nat',
};

/** The kind of an address a webhook may not reach, or null for an ordinary public one. */
export function refusedAddressKind(address: string): RefusedUrlKind | null {
  if (!ipaddr.isValid(address)) return 'reserved';
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  if (METADATA.has(ip.toNormalizedString()) || METADATA.has(ip.toString())) return 'metadata';
  const range = ip.range();
  if (range === 'unicast') return null;
  return KIND_OF_RANGE[range] ?? 'reserved';
}

function refuse(kind: RefusedUrlKind, message: string, details: Record<string, unknown> = {}): ValidationError {
  return new ValidationError(URL_REFUSED, message, [{ field: 'url', message }], { kind, ...details });
}

/**
 * Checks a webhook URL before it is stored and before each delivery: its scheme and form, then
 * every address its host resolves to. Throws a ValidationError (URL_REFUSED) naming the kind of
 * refusal and, for an address, the address.
 */
export async function checkWebhookUrl(text: string, policy: WebhookUrlPolicy): Promise<CheckedWebhookUrl> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse('not-a-url', 'The webhook URL is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw refuse('scheme', `The webhook URL's scheme ${url.protocol} is refused: use https`, { scheme: url.protocol });
  if (policy.production && url.protocol !== 'https:')
    throw refuse('not-https', 'The webhook URL must use https in production');
  if (url.username !== '' || url.password !== '')
    throw refuse('credentials', 'The webhook URL must not carry credentials: the signature authenticates the sender');

  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = ipaddr.isValid(host)
    ? [{ address: host, family: host.includes(':') ? 6 : 4 }]
    : await resolve(host, policy.lookup ?? dns.lookup);
  if (policy.allowPrivate) return { url, addresses };
  for (const { address } of addresses) {
    const kind = refusedAddressKind(address);
    if (kind)
      throw refuse(kind, `The webhook URL's host ${host} resolves to ${address}, a ${kind} address`, {
        host,
        address,
      });
  }
  return { url, addresses };
}

async function resolve(host: string, lookup: HostLookup): Promise<LookupAddress[]> {
  let addresses: LookupAddress[];
  try {
    addresses = await lookup(host, { all: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    throw refuse('unresolvable', `The webhook URL's host ${host} does not resolve (${code})`, { host });
  }
  if (addresses.length === 0) throw refuse('unresolvable', `The webhook URL's host ${host} does not resolve`, { host });
  return addresses;
}
