import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { HeaderBag, RequestContext } from './request-context';

interface WithHeaders {
  readonly headers?: HeaderBag;
}

/** HTTP handlers get the request first; GraphQL resolvers get (root, args, context{req}, info). */
function requestOf(context: ExecutionContext): WithHeaders | undefined {
  if (context.getType<string>() === 'graphql') {
    const gqlContext = context.getArgByIndex<{ req?: WithHeaders } | undefined>(2);
    return gqlContext?.req;
  }
  if (context.getType() === 'http') return context.switchToHttp().getRequest<WithHeaders>();
  return undefined;
}

/**
 * Runs each handler inside its request's context. Nest's `next.handle()` calls the handler only
 * when subscribed, so subscribing inside `RequestContext.run` makes the whole handler (and every
 * await in it) see the context.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const data = RequestContext.fromHeaders(requestOf(context)?.headers ?? {});
    return new Observable((subscriber) => RequestContext.run(data, () => next.handle().subscribe(subscriber)));
  }
}
