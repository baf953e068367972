import type { FastifyInstance } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import { LogContext, type LogFields } from '@sooc/util';

/**
 * One line per HTTP request when its answer has been sent: method, URL, status and time, with the
 * request's correlation id, actor and GraphQL operation (the logger's mixin reads them from the
 * request's frame). `debug` for an answer, `warn` for a 4xx, `error` for a 5xx: at `info` a busy
 * gateway writes no line per request. No headers: a token is a secret.
 *
 * A Fastify hook, not pino-http through nestjs-pino's middleware: that middleware put every
 * request through Nest's middleware runner (middie) and a second AsyncLocalStorage, about 100 µs
 * of the gateway's thread per request, a third of a trivial query (ARCHITECTURE, "The edge").
 * Add it after `useRequestContext`, whose frame it keeps for the line.
 */
export function logRequests(fastify: Pick<FastifyInstance, 'addHook'>, logger: PinoLogger): void {
  const frames = new WeakMap<object, LogFields>();
  fastify.addHook('onRequest', (request, _reply, done) => {
    const frame = LogContext.current();
    if (frame) frames.set(request, frame);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'debug';
    if (logger.isLevelEnabled(level)) {
      const url = request.url;
      const line = () =>
        logger[level](
          {
            req: { method: request.method, url },
            res: { statusCode: status },
            responseTime: Math.round(reply.elapsedTime),
          },
          `${request.method} ${url} ${status}`,
        );
      const frame = frames.get(request);
      if (frame) LogContext.run(frame, line);
      else line();
    }
    done();
  });
}
