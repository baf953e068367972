import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/**
 * Hands every error a resolver throws back to GraphQL untouched, where `formatGraphQLError` maps
 * it. Without it Nest logs each refused input or illegal state as a server ERROR, and logs the
 * unexpected ones a second time; the formatter logs those once. HTTP routes keep Nest's handling.
 */
@Catch()
export class GraphQLExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
