import type { Authenticate, Principal } from '@sooc/auth';
import { InvalidTokenError } from '@sooc/auth';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SpanKind, Tracing, type Span, type TraceContext } from '@sooc/util';
import { RequestContext } from './request-context';

/**
 * Gives every HTTP request its caller once, when it arrives: the rest of the request (body
 * parsing, the GraphQL operation, every resolver and await in it) runs inside that context.
 * A request with a token that does not verify goes no further: 401, `UNAUTHENTICATED`, in the
 * shape of a GraphQL answer so that clients read one kind of error. Call it on the app's Fastify
 * instance before the app is created.
 *
 * It replaced a global Nest interceptor that entered the context around each resolver call:
 * rxjs plumbing and two `AsyncResource.bind` per call (on Node 20 each builds a deprecation
 * wrapper) made submitApplication ~20% slower on a gateway without workers.
 */
export function useRequestContext(fastify: Pick<FastifyInstance, 'addHook'>, authenticate: Authenticate): void {
  const traced = Tracing.enabled;
  // The request's span starts in this same hook (one hook and one lookup fewer per request than
  // a hook of its own) and ends in onResponse, once the answer has been sent.
  if (traced) fastify.addHook('onResponse', endRequestSpan);
  fastify.addHook('onRequest', (request, reply, done) => {
    const correlationId = RequestContext.correlationIdFrom(request.headers);
    const trace = traced ? startRequestSpan(request) : undefined;
    const enter = (principal: Principal) => {
      const data = RequestContext.of(principal, correlationId);
      if (trace) data.trace = trace;
      RequestContext.run(data, done);
    };
    const refuse = (error: unknown) => {
      if (error instanceof InvalidTokenError) return unauthenticated(reply, error);
      done(error as Error);
    };
    let principal: Principal | Promise<Principal>;
    try {
      principal = authenticate(request.headers.authorization);
    } catch (error) {
      return refuse(error);
    }
    if (principal instanceof Promise) principal.then(enter, refuse);
    else enter(principal);
  });
}

/** Each request's server span (tracing on), for onResponse to end. */
const spans = new WeakMap<object, Span>();

/**
 * A server span per HTTP request, continuing the caller's `traceparent` when it sent one; returns
 * the context its children continue (the caller's trace state kept).
 */
function startRequestSpan(request: FastifyRequest): TraceContext {
  const query = request.url.indexOf('?');
  const path = query < 0 ? request.url : request.url.slice(0, query);
  const parent = Tracing.extract(request.headers);
  const span = Tracing.start(`${request.method} ${path}`, {
    kind: SpanKind.SERVER,
    parent,
    attributes: { 'http.request.method': request.method, 'url.path': path },
  });
  spans.set(request.raw, span);
  return Tracing.contextOf(span, parent);
}

function endRequestSpan(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const span = spans.get(request.raw);
  if (span) {
    span.setAttribute('http.response.status_code', reply.statusCode);
    span.end();
  }
  done();
}

function unauthenticated(reply: FastifyReply, error: InvalidTokenError): void {
  void reply
    .code(401)
    .header('www-authenticate', `Bearer error="invalid_token", error_description="${error.reason}"`)
    .send({ errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] });
}

/** `useRequestContext` on a Nest Fastify adapter, handing the adapter back: for an app built in one expression. */
export function withRequestContext<A extends { getInstance(): Pick<FastifyInstance, 'addHook'> }>(
  adapter: A,
  authenticate: Authenticate,
): A {
  useRequestContext(adapter.getInstance(), authenticate);
  return adapter;
}
