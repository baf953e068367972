import type { FastifyInstance } from 'fastify';
import type { JWK } from 'jose';

export const JWKS_PATH = '/.well-known/jwks.json';

/** Local mode publishes its public key, so that other services (and a partner's tooling) can check its tokens. */
export function serveJwks(fastify: Pick<FastifyInstance, 'get'>, jwks: { readonly keys: readonly JWK[] }): void {
  const body = JSON.stringify(jwks);
  fastify.get(JWKS_PATH, (_request, reply) => {
    void reply
      .header('content-type', 'application/jwk-set+json')
      .header('cache-control', 'public, max-age=300')
      .send(body);
  });
}
