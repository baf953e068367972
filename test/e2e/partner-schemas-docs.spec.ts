import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PARTNER_FEED_EVENT_TYPES, partnerEventDescription, partnerEventSchemaPath } from '@sooc/partners-domain';
import { RETRY_SCHEDULE_MS } from '@sooc/partners-feed';

const DOCS = join(__dirname, '..', '..', 'docs');
const ASYNCAPI = parse(readFileSync(join(DOCS, 'partners.asyncapi.yaml'), 'utf8')) as Record<string, unknown>;
const GUIDE = readFileSync(join(DOCS, 'PARTNERS.md'), 'utf8');
/** Where the documents point for the gateway's schemas: the guide's stand-in for the partner's sooc host. */
const SOOC = 'https://sooc.example.org';

type Node = Record<string, unknown>;

/** A local reference (`#/components/messages/x`) followed to what it names. */
function resolve(value: unknown): Node {
  const ref = (value as Node | undefined)?.['$ref'];
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return value as Node;
  let node: unknown = ASYNCAPI;
  for (const part of ref.slice(2).split('/')) node = (node as Node | undefined)?.[part];
  if (node === undefined) throw new Error(`${ref} names nothing`);
  return resolve(node);
}

describe('docs/partners.asyncapi.yaml', () => {
  const operations = Object.values(ASYNCAPI['operations'] as Node).map(resolve);
  const sent = operations.filter((operation) => operation['action'] === 'send');
  const messages = sent.flatMap((operation) => (operation['messages'] as unknown[]).map(resolve));

  it('is an AsyncAPI 3.0 document whose operations send over HTTP POST to the partner’s endpoint', () => {
    expect(ASYNCAPI['asyncapi']).toBe('3.0.0');
    expect(sent).toHaveLength(operations.length);
    for (const operation of sent) {
      expect(resolve(operation['channel'])).toHaveProperty('address');
      expect(operation['bindings']).toMatchObject({ http: { method: 'POST' } });
      expect((operation['security'] as unknown[]).map(resolve)).toEqual([
        expect.objectContaining({ description: expect.stringContaining('HMAC-SHA256') }),
      ]);
    }
  });

  it('sends one message per type of the catalogue, whose payload is that type’s served schema', () => {
    expect(messages.map((message) => message['name']).sort()).toEqual([...PARTNER_FEED_EVENT_TYPES].sort());
    for (const type of PARTNER_FEED_EVENT_TYPES) {
      const message = messages.find((m) => m['name'] === type) ?? {};
      expect(message['summary']).toBe(partnerEventDescription(type));
      expect(message['payload']).toEqual({
        schemaFormat: 'application/schema+json;version=draft-2020-12',
        schema: { $ref: `${SOOC}${partnerEventSchemaPath(type)}` },
      });
    }
  });

  it('gives every message the Standard Webhooks headers', () => {
    for (const message of messages) {
      const headers = resolve(message['headers']);
      expect(headers['required']).toEqual(
        expect.arrayContaining(['webhook-id', 'webhook-timestamp', 'webhook-signature']),
      );
      expect(Object.keys(headers['properties'] as Node)).toEqual(
        expect.arrayContaining(['webhook-id', 'webhook-timestamp', 'webhook-signature']),
      );
    }
  });

  it('describes the channel’s messages and the operation’s alike', () => {
    const channels = Object.values(ASYNCAPI['channels'] as Node).map(resolve);
    const onChannels = channels.flatMap((channel) => Object.values(channel['messages'] as Node).map(resolve));
    expect(onChannels).toEqual(messages);
  });
});

describe('docs/PARTNERS.md', () => {
  it('lists every type of the catalogue with its meaning and its schema’s URL', () => {
    for (const type of PARTNER_FEED_EVENT_TYPES) {
      expect(GUIDE).toContain(`| \`${type}\` | ${partnerEventDescription(type)} |`);
      expect(GUIDE).toContain(`(${SOOC}${partnerEventSchemaPath(type)})`);
    }
  });

  it('publishes the retry schedule the delivery worker runs', () => {
    const UNIT = { seconds: 1_000, minutes: 60_000, hours: 3_600_000 } as const;
    const rows = [...GUIDE.matchAll(/^\| (\d+) \| (?:— \(immediately\)|(\d+) (seconds|minutes|hours)) \|/gm)];
    expect(rows.map(([, attempt]) => Number(attempt))).toEqual(RETRY_SCHEDULE_MS.map((_, i) => i + 1));
    expect(rows.map(([, , n, unit]) => (n ? Number(n) * UNIT[unit as keyof typeof UNIT] : 0))).toEqual([
      ...RETRY_SCHEDULE_MS,
    ]);
  });
});
