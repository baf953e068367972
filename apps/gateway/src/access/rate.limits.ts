import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RequestContext } from '@sooc/nest';

/** Requests per minute (SOOC_RATE_LIMIT_PER_MINUTE, SOOC_RATE_LIMIT_ANONYMOUS_PER_MINUTE); 0 turns a limit off. */
export interface RateLimits {
  readonly perPrincipal: number;
  readonly perAnonymousIp: number;
}

const WINDOW_MS = 60_000;
const UNLIMITED = Number.MAX_SAFE_INTEGER;

/**
 * Each caller's own budget: a token's subject counts alone wherever it calls from, an anonymous
 * caller by IP address (behind a proxy, set it to forward the client's address). Refused
 * requests answer 429 with Retry-After and RATE_LIMITED in the shape of a GraphQL error. Health
 * and metrics are never limited: a probe must not starve behind a flood. Registered after the
 * request context hook, so the caller is known when the key is made.
 */
export async function limitRates(app: NestFastifyApplication, limits: RateLimits): Promise<void> {
  if (limits.perPrincipal === 0 && limits.perAnonymousIp === 0) return;
  await app.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    timeWindow: WINDOW_MS,
    max: () => {
      const { principal } = RequestContext.current();
      const limit = principal.authenticated ? limits.perPrincipal : limits.perAnonymousIp;
      return limit === 0 ? UNLIMITED : limit;
    },
    keyGenerator: (request) => {
      const { principal } = RequestContext.current();
      return principal.authenticated ? `principal:${principal.subject}` : `ip:${request.ip}`;
    },
    allowList: (request) => request.url.startsWith('/health') || request.url.startsWith('/metrics'),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      errors: [
        {
          message: `Too many requests: ${context.max} a minute for this caller; retry in ${Math.ceil(context.ttl / 1000)} s`,
          extensions: {
            code: 'RATE_LIMITED',
            category: 'RATE_LIMITED',
            retryAfterSeconds: Math.ceil(context.ttl / 1000),
          },
        },
      ],
    }),
  });
}
