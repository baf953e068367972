import type { FastifyInstance } from 'fastify';
import { RequestContext } from './request-context';

/**
 * Gives every HTTP request its caller once, when it arrives: the rest of the request (body
 * parsing, the GraphQL operation, every resolver and await in it) runs inside that context.
 * Call it on the app's Fastify instance before the app is created.
 *
 * It replaced a global Nest interceptor that entered the context around each resolver call:
 * rxjs plumbing and two `AsyncResource.bind` per call (on Node 20 each builds a deprecation
 * wrapper) made submitApplication ~20% slower on a gateway without workers.
 */
export function useRequestContext(fastify: Pick<FastifyInstance, 'addHook'>): void {
  fastify.addHook('onRequest', (request, _reply, done) =>
    RequestContext.run(RequestContext.fromHeaders(request.headers), done),
  );
}

/** `useRequestContext` on a Nest Fastify adapter, handing the adapter back: for an app built in one expression. */
export function withRequestContext<A extends { getInstance(): Pick<FastifyInstance, 'addHook'> }>(adapter: A): A {
  useRequestContext(adapter.getInstance());
  return adapter;
}
