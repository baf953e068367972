import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Principal } from '@sooc/auth';
import { parseGlobalId } from '@sooc/graphql';
import { RequestContext } from '@sooc/nest';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import {
  ACCESS_POLICY,
  decide,
  NODE_APPLICATION_RULE,
  NODE_OPERATIONS,
  type AccessRule,
  type OperationArgs,
} from './access.policy';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** What a subscription's resolvers see as their caller: graphql-ws has no HTTP request to hold it. */
export interface SubscriptionContext {
  readonly principal: Principal;
}

/**
 * The access policy on every root field, for queries, mutations and subscriptions alike, before
 * its resolver runs: nothing is read or written for a refused field. The decision rests on the
 * token and the arguments only, so a refusal never tells whether the object exists.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const parent = info.parentType.name;
    if (!ROOT_TYPES.has(parent)) return true;
    const principal = gql.getContext<Partial<SubscriptionContext>>().principal ?? RequestContext.current().principal;
    let operation = `${parent}.${info.fieldName}`;
    let args = gql.getArgs<OperationArgs>();
    let rule: AccessRule | undefined = ACCESS_POLICY[operation];
    if (operation === 'Query.node') [operation, args, rule] = nodeRule(String(args['id']), rule);
    const decision = decide(rule, principal, args);
    if (decision === 'allowed') return true;
    throw refusal(decision, principal, operation);
  }
}

/** The rule of the object a global id names; an id that names no type stays with `node`'s own rule (it answers null). */
function nodeRule(id: string, own: AccessRule | undefined): [string, OperationArgs, AccessRule | undefined] {
  const parsed = parseGlobalId(id);
  const operationOf = parsed ? NODE_OPERATIONS[parsed.type] : undefined;
  if (!parsed || !operationOf) return ['Query.node', { id }, own];
  const [operation, args] = operationOf(parsed.key);
  return [operation, args, operation === 'Node.Application' ? NODE_APPLICATION_RULE : ACCESS_POLICY[operation]];
}

function refusal(decision: 'unauthenticated' | 'forbidden', principal: Principal, operation: string): GraphQLError {
  const field = operation.slice(operation.indexOf('.') + 1);
  if (decision === 'unauthenticated') {
    return new GraphQLError(`${field} needs a bearer token (Authorization: Bearer <token>)`, {
      extensions: { code: 'UNAUTHENTICATED', category: 'UNAUTHENTICATED' },
    });
  }
  const who = principal.role ? `role "${principal.role}"` : 'a token without a sooc role';
  return new GraphQLError(`${field} is not allowed for ${who} with these arguments`, {
    extensions: { code: 'FORBIDDEN', category: 'FORBIDDEN' },
  });
}
