import { GraphQLError, Kind } from 'graphql';
import { DateScalar } from './date.scalar';

function refusal(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('DateScalar', () => {
  it('passes calendar dates through as YYYY-MM-DD strings, both ways', () => {
    expect(DateScalar.parseValue('2026-04-01')).toBe('2026-04-01');
    expect(DateScalar.parseValue('2028-02-29')).toBe('2028-02-29');
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2026-12-31' })).toBe('2026-12-31');
    expect(DateScalar.serialize('2026-04-01')).toBe('2026-04-01');
  });

  it.each([
    ['a day that does not exist', '2026-02-30'],
    ['February 29th of a common year', '2027-02-29'],
    ['a month 13', '2026-13-01'],
    ['a date and time', '2026-04-01T00:00:00Z'],
    ['another order', '01/04/2026'],
    ['no zero padding', '2026-4-1'],
    ['an empty string', ''],
    ['a number', 20260401],
  ])('refuses %s as BAD_USER_INPUT', (_name, value) => {
    const error = refusal(() => DateScalar.parseValue(value));
    expect(error.message).toMatch(/^Date must be a calendar date YYYY-MM-DD/);
    expect(error.extensions['code']).toBe('BAD_USER_INPUT');
  });

  it('refuses a literal that is not a string, pointing at it', () => {
    const node = { kind: Kind.INT, value: '20260401' } as const;
    const error = refusal(() => DateScalar.parseLiteral(node));
    expect(error.extensions['code']).toBe('BAD_USER_INPUT');
    expect(error.nodes).toEqual([node]);
  });

  it('refuses to serve something that is not a calendar date, as a server error', () => {
    const error = refusal(() => DateScalar.serialize('2026-04-01T08:00:00Z'));
    expect(error.message).toMatch(/^Date cannot serve/);
    expect(error.extensions['code']).toBeUndefined();
  });
});
