import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DIGITS = /^(0|[1-9][0-9]*)$/;

function parse(value: unknown): bigint {
  if (typeof value === 'string' && DIGITS.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  throw new GraphQLError('Position must be a non-negative integer written as a string of digits', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/**
 * A global event-store position. Positions are 64-bit (bigint) and GraphQL's Int is 32-bit, so
 * they travel as decimal strings; resolvers see bigint.
 */
export const PositionScalar = new GraphQLScalarType<bigint, string>({
  name: 'Position',
  description: 'A global event-store position: a non-negative 64-bit integer as a decimal string.',
  serialize: (value) => {
    if (typeof value === 'bigint') return value.toString();
    return parse(value).toString();
  },
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return parse(ast.value);
    throw new GraphQLError('Position must be a string of digits', {
      nodes: ast,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});
