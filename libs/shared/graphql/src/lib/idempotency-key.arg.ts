import { createHash } from 'node:crypto';
import { ValidationError } from '@sooc/event-sourcing';
import { RequestContext } from '@sooc/nest';
import { GraphQLString, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

export const IDEMPOTENCY_KEY_ARG = 'idempotencyKey';

const KEY = /^[\x21-\x7e]{1,200}$/;

const DESCRIPTION =
  'Makes a retry safe: the same mutation with the same arguments and key, sent again (after a dropped connection, ' +
  'to another gateway), writes nothing more and answers what the first answered. A key is yours alone and stands ' +
  'for one request: with other arguments it is refused (IDEMPOTENCY_KEY_REUSED). 1 to 200 visible ASCII ' +
  'characters, a UUID for example';

/**
 * Every mutation takes an optional `idempotencyKey`, added here once rather than by each
 * resolver: the argument is declared on every Mutation field, and its resolver runs with the key
 * and a digest of the operation and its other arguments in the request context, where the
 * command runner finds them. The resolver itself never sees the key (an args class that refuses
 * unknown properties stays as it is). `transformSchema` and `npm run schema` both apply it.
 */
export function withIdempotencyKeys(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  if (!mutation) return schema;
  for (const field of Object.values(mutation.getFields())) {
    if (field.args.some((arg) => arg.name === IDEMPOTENCY_KEY_ARG)) continue;
    (field.args as unknown[]).push({
      name: IDEMPOTENCY_KEY_ARG,
      description: DESCRIPTION,
      type: GraphQLString,
      defaultValue: undefined,
      deprecationReason: undefined,
      extensions: {},
      astNode: undefined,
    });
    const resolve = field.resolve;
    if (resolve) field.resolve = keyed(resolve);
  }
  return schema;
}

function keyed(resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> {
  return (source, args: Record<string, unknown>, context, info) => {
    const { [IDEMPOTENCY_KEY_ARG]: key, ...rest } = args;
    if (key === undefined || key === null) return resolve(source, rest, context, info);
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new ValidationError('IDEMPOTENCY_KEY_INVALID', 'The idempotency key is not valid', [
        { field: IDEMPOTENCY_KEY_ARG, message: 'must be 1 to 200 visible ASCII characters (no spaces)' },
      ]);
    }
    const operation = info.fieldName;
    const fingerprint = digest({ operation, args: rest });
    const request = { ...RequestContext.current(), idempotency: { key, operation, fingerprint, commands: 0 } };
    return RequestContext.run(request, () => resolve(source, rest, context, info));
  };
}

/** A digest of arguments that does not depend on the order their fields were written in. */
export function digest(value: unknown): string {
  return createHash('sha256').update(canonical(value)).digest('base64url');
}

function canonical(value: unknown): string {
  if (typeof value === 'bigint') return JSON.stringify(String(value));
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}
