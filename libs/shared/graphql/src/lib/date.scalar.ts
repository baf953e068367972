import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

const REFUSAL = 'Date must be a calendar date YYYY-MM-DD that exists, e.g. 2026-04-01';

/** graphql-scalars' LocalDate checks the shape and that the day exists (no 2026-02-30); the string passes unchanged. */
function calendarDate(value: unknown, nodes?: ValueNode): string {
  if (typeof value === 'string') {
    try {
      return GraphQLLocalDate.parseValue(value) as string;
    } catch {
      // Refused below, with our message and code.
    }
  }
  throw new GraphQLError(REFUSAL, { ...(nodes ? { nodes } : {}), extensions: { code: 'BAD_USER_INPUT' } });
}

/** A calendar day, no time and no time zone: `YYYY-MM-DD` in and out, as the domain keeps it. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description:
    'A calendar date without a time or time zone, `YYYY-MM-DD` (ISO-8601), e.g. `2026-04-01`. ' +
    'A day that does not exist (`2026-02-30`) or any other shape is refused as BAD_USER_INPUT.',
  serialize: (value) => {
    try {
      return calendarDate(value);
    } catch {
      throw new GraphQLError(`Date cannot serve ${JSON.stringify(value)}: not a calendar date`);
    }
  },
  parseValue: (value) => calendarDate(value),
  parseLiteral: (ast) => calendarDate(ast.kind === Kind.STRING ? ast.value : undefined, ast),
  extensions: { jsonSchema: { type: 'string', format: 'date' } },
});
