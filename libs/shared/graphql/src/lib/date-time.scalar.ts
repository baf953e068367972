import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';

const REFUSAL =
  'DateTime must be an RFC 3339 (ISO-8601) date and time with seconds and an offset, ' +
  'e.g. 2026-04-01T08:00:00Z or 2026-04-01T10:00:00+02:00';

/**
 * graphql-scalars checks the text (a real calendar day, hours, an explicit offset) and gives a
 * `Date`; the domain works with ISO-8601 strings, so resolvers get that instant back as one, in
 * UTC: `2026-04-01T10:00:00+02:00` → `2026-04-01T08:00:00.000Z`, the shape of every timestamp
 * the server writes itself (precision beyond milliseconds is dropped, as `Date` drops it).
 */
function toUtc(value: unknown, nodes?: ValueNode): string {
  if (typeof value === 'string') {
    try {
      const date: unknown = GraphQLDateTime.parseValue(value);
      if (date instanceof Date) return date.toISOString();
    } catch {
      // Refused below, with our message and code.
    }
  }
  throw new GraphQLError(REFUSAL, { ...(nodes ? { nodes } : {}), extensions: { code: 'BAD_USER_INPUT' } });
}

/** An instant: input normalised to a UTC ISO string for the resolvers, output served as one. */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description:
    'An instant, as an RFC 3339 (ISO-8601) date and time with an offset, e.g. `2026-04-01T08:00:00Z`. ' +
    'Served in UTC with milliseconds (`2026-04-01T08:00:00.000Z`). Accepted with any offset ' +
    '(`2026-04-01T10:00:00+02:00` is the same instant) and read as that instant in UTC; seconds and the offset ' +
    'are required (without an offset the instant would depend on a time zone). Anything else is refused as ' +
    'BAD_USER_INPUT.',
  serialize: (value) => {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    if (typeof value === 'string') {
      try {
        return toUtc(value);
      } catch {
        // An output the server cannot serve is its own fault, not the caller's input.
      }
    }
    throw new GraphQLError(`DateTime cannot serve ${JSON.stringify(value)}: not an instant`);
  },
  parseValue: (value) => toUtc(value),
  parseLiteral: (ast) => toUtc(ast.kind === Kind.STRING ? ast.value : undefined, ast),
  extensions: { jsonSchema: { type: 'string', format: 'date-time' } },
});
