import Fastify from 'fastify';
import pino from 'pino';
import { LogContext } from '@sooc/util';
import { logRequests } from './request-log.hook';

describe('one log line per request', () => {
  async function serve(level: string) {
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      {
        level,
        formatters: { level: (label) => ({ level: label }) },
        mixin: () => {
          const fields = LogContext.current();
          return fields ? { correlationId: fields.correlationId, operation: fields.operation } : {};
        },
      },
      { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
    );
    const fastify = Fastify();
    // As useRequestContext does: the rest of the request runs in its frame, named later.
    fastify.addHook('onRequest', (request, _reply, done) => {
      if (request.headers['x-correlation-id'])
        LogContext.run({ correlationId: String(request.headers['x-correlation-id']) }, done);
      else done();
    });
    logRequests(fastify, logger);
    fastify.get('/ok', async () => {
      LogContext.name('Dashboard');
      return { ok: true };
    });
    fastify.get('/boom', async () => {
      throw new Error('boom');
    });
    await fastify.ready();
    return { fastify, lines };
  }

  it('at debug, with the frame of the request (named after the answer began) and no header', async () => {
    const { fastify, lines } = await serve('debug');
    await fastify.inject({ url: '/ok?x=1', headers: { 'x-correlation-id': 'corr-1', authorization: 'Bearer secret' } });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'debug',
        msg: 'GET /ok?x=1 200',
        correlationId: 'corr-1',
        operation: 'Dashboard',
        req: { method: 'GET', url: '/ok?x=1' },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('secret');
  });

  it('writes a 4xx at warn and a 5xx at error, and nothing for an answer below the level', async () => {
    const { fastify, lines } = await serve('warn');
    await fastify.inject({ url: '/ok' });
    await fastify.inject({ url: '/missing' });
    await fastify.inject({ url: '/boom' });
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      ['warn', 'GET /missing 404'],
      ['error', 'GET /boom 500'],
    ]);
  });
});
