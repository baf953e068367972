import http from 'node:http';
import https from 'node:https';
import type { LookupAddress } from 'node:dns';
import type { CheckedWebhookUrl } from '@sooc/partners-feed';

export interface PostLimits {
  /** The whole attempt, connection to last byte read: past it the attempt fails as a timeout. */
  readonly timeoutMs: number;
  /** Bytes of the answer kept for the delivery log; the rest is not read. */
  readonly maxResponseBytes: number;
}

export type PostOutcome =
  | { readonly kind: 'answered'; readonly statusCode: number; readonly latencyMs: number; readonly response: string }
  | { readonly kind: 'failed'; readonly error: string; readonly latencyMs: number };

/** A lookup that answers only the addresses checked before: the name is not resolved again (DNS rebinding). */
function pinnedLookup(addresses: readonly LookupAddress[]) {
  return (
    _hostname: string,
    options: { all?: boolean },
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    const first = addresses[0];
    if (options.all) callback(null, [...addresses]);
    else if (first) callback(null, first.address, first.family);
    else callback(Object.assign(new Error('no checked address'), { code: 'ENOTFOUND' }), '', 4);
  };
}

/**
 * One POST of a webhook, with node:http rather than fetch: node:http follows no redirect (a 3xx
 * is an answer like any other, so a receiver cannot bounce a delivery inside), takes a lookup
 * pinned to the addresses the URL policy checked, and lets us stop reading a large answer.
 */
export function postWebhook(
  target: CheckedWebhookUrl,
  headers: Readonly<Record<string, string>>,
  body: string,
  limits: PostLimits,
): Promise<PostOutcome> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise<PostOutcome>((resolve) => {
    let settled = false;
    const settle = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const request = client.request(
      target.url,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'sooc-webhooks/1',
        },
        lookup: pinnedLookup(target.addresses) as never,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        const done = () => {
          settle({
            kind: 'answered',
            statusCode: response.statusCode ?? 0,
            latencyMs: latency(),
            response: Buffer.concat(chunks).toString('utf8'),
          });
          request.destroy();
        };
        response.on('data', (chunk: Buffer) => {
          if (kept >= limits.maxResponseBytes) return done();
          const part = chunk.subarray(0, limits.maxResponseBytes - kept);
          chunks.push(part);
          kept += part.length;
        });
        response.on('end', done);
        response.on('error', (error) => settle({ kind: 'failed', error: describe(error), latencyMs: latency() }));
      },
    );
    const timer = setTimeout(() => {
      settle({ kind: 'failed', error: `no answer within ${limits.timeoutMs} ms`, latencyMs: latency() });
      request.destroy();
    }, limits.timeoutMs);
    request.on('error', (error) => settle({ kind: 'failed', error: describe(error), latencyMs: latency() }));
    request.end(body);
  });
}

function describe(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${code}: ${error.message}` : error.message;
}
