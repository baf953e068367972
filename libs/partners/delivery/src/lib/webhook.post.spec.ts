import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkWebhookUrl } from '@sooc/partners-feed';
import { postWebhook } from './webhook.post';

const LIMITS = { timeoutMs: 300, maxResponseBytes: 16 };

describe('postWebhook', () => {
  let server: Server;
  let base = '';
  const seen: { path: string; body: string; signature: string | undefined }[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        seen.push({ path: request.url ?? '', body, signature: request.headers['webhook-signature'] as string });
        if (request.url === '/ok') response.writeHead(204).end();
        else if (request.url === '/redirect') response.writeHead(307, { location: '/ok' }).end();
        else if (request.url === '/large') response.writeHead(200).end('x'.repeat(100_000));
        else if (request.url === '/slow') setTimeout(() => response.writeHead(200).end('late'), 1_000);
        else response.writeHead(503).end('try later');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = async (path: string) =>
    postWebhook(
      await checkWebhookUrl(`${base}${path}`, { production: false, allowPrivate: true }),
      { 'webhook-signature': 'v1,abc' },
      '{"a":1}',
      LIMITS,
    );

  it('sends the body and headers, and answers with the status and the first bytes of the answer', async () => {
    expect(await post('/ok')).toMatchObject({ kind: 'answered', statusCode: 204, response: '' });
    expect(seen.at(-1)).toEqual({ path: '/ok', body: '{"a":1}', signature: 'v1,abc' });
    expect(await post('/down')).toMatchObject({ kind: 'answered', statusCode: 503, response: 'try later' });
  });

  it('follows no redirect: a 3xx is the answer', async () => {
    const before = seen.length;
    expect(await post('/redirect')).toMatchObject({ kind: 'answered', statusCode: 307 });
    expect(seen.slice(before).map((s) => s.path)).toEqual(['/redirect']);
  });

  it('keeps only the first bytes of a large answer, and gives up on a slow one at the timeout', async () => {
    expect(await post('/large')).toMatchObject({ kind: 'answered', statusCode: 200, response: 'x'.repeat(16) });
    const slow = await post('/slow');
    expect(slow).toMatchObject({ kind: 'failed', error: 'no answer within 300 ms' });
    expect(slow.latencyMs).toBeLessThan(900);
  });

  it('reports a refused connection as a failed attempt', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const target = await checkWebhookUrl(`http://127.0.0.1:${port}/`, { production: false, allowPrivate: true });
    expect(await postWebhook(target, {}, '{}', LIMITS)).toMatchObject({
      kind: 'failed',
      error: expect.stringContaining('ECONNREFUSED'),
    });
  });
});
