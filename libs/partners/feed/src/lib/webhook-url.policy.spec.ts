import type { LookupAddress } from 'node:dns';
import { ValidationError } from '@sooc/event-sourcing';
import { checkWebhookUrl, URL_REFUSED, type HostLookup, type RefusedUrlKind } from './webhook-url.policy';

/** A resolver that knows a few names, as a DNS server would answer them. */
function lookupOf(table: Record<string, readonly string[]>): HostLookup {
  return async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

const production = { production: true, allowPrivate: false };
const at = (address: string) => lookupOf({ 'hooks.acme.example': [address] });

async function refusal(url: string, policy: Parameters<typeof checkWebhookUrl>[1]) {
  try {
    await checkWebhookUrl(url, policy);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    expect(error.code).toBe(URL_REFUSED);
    expect(error.fields).toEqual([{ field: 'url', message: error.message }]);
    return { kind: error.details['kind'] as RefusedUrlKind, message: error.message };
  }
  throw new Error(`${url} was accepted`);
}

describe('checkWebhookUrl', () => {
  it('accepts an https URL whose host resolves to public addresses, and returns them to connect to', async () => {
    const lookup = lookupOf({ 'hooks.acme.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'] });
    const checked = await checkWebhookUrl('https://hooks.acme.example/sooc?x=1', { ...production, lookup });
    expect(checked.url.href).toBe('https://hooks.acme.example/sooc?x=1');
    expect(checked.addresses.map((a) => a.address)).toEqual([
      '93.184.215.14',
      '2606:2800:21f:cb07:6820:80da:af6b:8b2c',
    ]);
  });

  it('accepts plain http outside production, and an IPv4-mapped public address', async () => {
    const lookup = at('::ffff:93.184.215.14');
    await expect(
      checkWebhookUrl('http://hooks.acme.example/', { production: false, allowPrivate: false, lookup }),
    ).resolves.toBeDefined();
  });

  it.each<[string, RefusedUrlKind, string]>([
    ['loopback', 'loopback', '127.0.0.1'],
    ['IPv6 loopback', 'loopback', '::1'],
    ['private 10/8', 'private', '10.1.2.3'],
    ['private 172.16/12', 'private', '172.31.255.254'],
    ['private 192.168/16', 'private', '192.168.1.10'],
    ['IPv6 unique local', 'private', 'fd12:3456::1'],
    ['link-local', 'link-local', '169.254.10.20'],
    ['IPv6 link-local', 'link-local', 'fe80::1'],
    ['cloud metadata', 'metadata', '169.254.169.254'],
    ['AWS IPv6 metadata', 'metadata', 'fd00:ec2::254'],
    ['unspecified', 'unspecified', '0.0.0.0'],
    ['IPv6 unspecified', 'unspecified', '::'],
    ['multicast', 'multicast', '224.0.0.1'],
    ['IPv6 multicast', 'multicast', 'ff02::1'],
    ['broadcast', 'broadcast', '255.255.255.255'],
    ['carrier-grade NAT', 'carrier-grade-nat', '100.64.0.1'],
    ['IPv4-mapped loopback', 'loopback', '::ffff:127.0.0.1'],
    ['IPv4-mapped private', 'private', '::ffff:10.0.0.1'],
    ['IPv4-mapped metadata', 'metadata', '::ffff:169.254.169.254'],
    ['documentation range', 'reserved', '192.0.2.7'],
    ['NAT64 of an IPv4 address', 'reserved', '64:ff9b::7f00:1'],
  ])('refuses a host resolving to a %s address, naming the kind and the address', async (_case, kind, address) => {
    const refused = await refusal('https://hooks.acme.example/', { ...production, lookup: at(address) });
    expect(refused.kind).toBe(kind);
    expect(refused.message).toContain(address);
    expect(refused.message).toContain(kind);
  });

  it('refuses when any one of the addresses is refused', async () => {
    const lookup = lookupOf({ 'hooks.acme.example': ['93.184.215.14', '10.0.0.5'] });
    expect((await refusal('https://hooks.acme.example/', { ...production, lookup })).kind).toBe('private');
  });

  it.each<[string, RefusedUrlKind]>([
    ['https://127.0.0.1/', 'loopback'],
    ['https://[::1]:8443/', 'loopback'],
    ['https://2130706433/', 'loopback'],
    ['https://0x7f.1/', 'loopback'],
    ['https://[::ffff:a9fe:a9fe]/', 'metadata'],
  ])('refuses the address literal %s without asking DNS', async (url, kind) => {
    const lookup = () => Promise.reject(new Error('DNS must not be asked'));
    expect((await refusal(url, { ...production, lookup })).kind).toBe(kind);
  });

  it('refuses localhost through what it resolves to', async () => {
    const lookup = lookupOf({ localhost: ['127.0.0.1', '::1'] });
    expect((await refusal('https://localhost/', { ...production, lookup })).kind).toBe('loopback');
  });

  it('refuses a host that does not resolve', async () => {
    const refused = await refusal('https://nowhere.example/', { ...production, lookup: lookupOf({}) });
    expect(refused).toEqual({ kind: 'unresolvable', message: expect.stringContaining('ENOTFOUND') });
  });

  it.each<[string, string, RefusedUrlKind]>([
    ['plain http in production', 'http://hooks.acme.example/', 'not-https'],
    ['another scheme', 'ftp://hooks.acme.example/', 'scheme'],
    ['a file URL', 'file:///etc/passwd', 'scheme'],
    ['credentials', 'https://user:secret@hooks.acme.example/', 'credentials'],
    ['a user name alone', 'https://user@hooks.acme.example/', 'credentials'],
    ['text that is no URL', 'hooks.acme.example', 'not-a-url'],
  ])('refuses %s, with or without allowPrivate', async (_case, url, kind) => {
    const lookup = at('93.184.215.14');
    expect((await refusal(url, { ...production, lookup })).kind).toBe(kind);
    expect((await refusal(url, { ...production, allowPrivate: true, lookup })).kind).toBe(kind);
  });

  it('lets a test receiver on loopback through with allowPrivate', async () => {
    const checked = await checkWebhookUrl('http://127.0.0.1:4010/hooks', { production: false, allowPrivate: true });
    expect(checked.addresses).toEqual([{ address: '127.0.0.1', family: 4 }]);
  });
});
