import { Logger } from '@nestjs/common';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Why Fastify refused a body before Apollo saw it, in words a GraphQL client can act on. */
function messageFor(error: FastifyError, request: FastifyRequest, bodyLimit: number): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return `Unsupported content-type "${request.headers['content-type'] ?? ''}": send GraphQL requests as application/json`;
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `Request body is too large: at most ${bodyLimit} bytes`;
    default:
      return error.message;
  }
}

const logger = new Logger('GraphQL');

/**
 * Fastify reads and parses a request's body before Apollo runs, and reports a malformed or empty
 * JSON body, an unreadable content type or a body over the limit through its error handler —
 * Nest's, which answers `{ statusCode, message }`. A GraphQL client expects `{ errors }` with a
 * code (as Apollo answers the bodies it can read but not run: `BAD_REQUEST`), so the GraphQL route gets its own Fastify error handler (set as each route is added, so
 * it wins over Nest's instance-wide one): 4xx problems keep their status and become BAD_REQUEST;
 * anything else is logged once and answered as INTERNAL_SERVER_ERROR, as the formatter does.
 * Call before the app initialises (the GraphQL module adds its route then).
 */
export function answerRequestErrorsAsGraphQL(fastify: FastifyInstance, path: string): void {
  const bodyLimit = fastify.initialConfig.bodyLimit ?? 1_048_576;
  fastify.addHook('onRoute', (route) => {
    if (route.url !== path) return;
    route.errorHandler = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const status = error.statusCode ?? 500;
      // Already an answer in GraphQL's shape (the rate limit's RATE_LIMITED): sent as it is.
      const answered = (error as { errors?: unknown }).errors;
      if (status >= 400 && status < 500 && Array.isArray(answered))
        return reply.status(status).send({ errors: answered });
      if (status >= 400 && status < 500) {
        const message = messageFor(error, request, bodyLimit);
        return reply.status(status).send({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
      }
      logger.error(error.stack ?? error.message);
      const extensions = { code: 'INTERNAL_SERVER_ERROR', category: 'INTERNAL_SERVER_ERROR' };
      return reply.status(500).send({ errors: [{ message: 'Internal server error', extensions }] });
    };
  });
}
