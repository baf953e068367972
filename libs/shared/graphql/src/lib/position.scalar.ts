import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DIGITS = /^(0|[1-9][0-9]*)$/;

/** Every store's positions fit an unsigned 64-bit integer (EventStoreDB's commit positions do). */
export const MAX_POSITION = 2n ** 64n - 1n;

const REFUSAL = `Position must be a non-negative 64-bit integer (0..${MAX_POSITION}) written as a string of digits`;

function parse(value: unknown): bigint {
  const position =
    typeof value === 'string' && DIGITS.test(value)
      ? BigInt(value)
      : typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
        ? BigInt(value)
        : null;
  // Refused here rather than waited for: no store will ever reach a position past 64 bits.
  if (position === null || position > MAX_POSITION)
    throw new GraphQLError(REFUSAL, { extensions: { code: 'BAD_USER_INPUT' } });
  return position;
}

/**
 * A global event-store position. Positions are 64-bit (bigint) and GraphQL's Int is 32-bit, so
 * they travel as decimal strings; resolvers see bigint.
 */
export const PositionScalar = new GraphQLScalarType<bigint, string>({
  name: 'Position',
  description:
    'A global event-store position: a non-negative 64-bit integer (0..18446744073709551615) as a decimal string. ' +
    'Anything else is refused as BAD_USER_INPUT.',
  serialize: (value) => {
    if (typeof value === 'bigint') return value.toString();
    return parse(value).toString();
  },
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return parse(ast.value);
    throw new GraphQLError(REFUSAL, { nodes: ast, extensions: { code: 'BAD_USER_INPUT' } });
  },
});
