import { GraphQLError, Kind } from 'graphql';
import { DateTimeScalar } from './date-time.scalar';

function refusal(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('DateTimeScalar', () => {
  it('gives resolvers the instant as a UTC ISO string, not a Date', () => {
    expect(DateTimeScalar.parseValue('2026-04-01T08:00:00Z')).toBe('2026-04-01T08:00:00.000Z');
    expect(DateTimeScalar.parseValue('2026-04-01T10:30:00+02:00')).toBe('2026-04-01T08:30:00.000Z');
    expect(DateTimeScalar.parseValue('2026-01-01T00:30:00.123456-01:00')).toBe('2026-01-01T01:30:00.123Z');
    expect(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2026-04-01T08:00:00.5Z' })).toBe(
      '2026-04-01T08:00:00.500Z',
    );
  });

  it('serves instants as UTC ISO strings, whether the row holds a string or the code a Date', () => {
    expect(DateTimeScalar.serialize('2026-04-01T08:00:00.000Z')).toBe('2026-04-01T08:00:00.000Z');
    expect(DateTimeScalar.serialize('2026-04-01T10:00:00+02:00')).toBe('2026-04-01T08:00:00.000Z');
    expect(DateTimeScalar.serialize(new Date(Date.UTC(2026, 3, 1, 8)))).toBe('2026-04-01T08:00:00.000Z');
  });

  it.each([
    ['words', 'next monday'],
    ['no offset (the instant would depend on a time zone)', '2026-04-01T08:00:00'],
    ['no seconds', '2026-04-01T08:00Z'],
    ['a calendar date alone', '2026-04-01'],
    ['a day that does not exist', '2026-02-30T08:00:00Z'],
    ['an hour past 23', '2026-04-01T24:00:00Z'],
    ['an empty string', ''],
    ['a number (epoch milliseconds)', 1775030400000],
    ['a boolean', true],
  ])('refuses %s as BAD_USER_INPUT', (_name, value) => {
    const error = refusal(() => DateTimeScalar.parseValue(value));
    expect(error.message).toMatch(/^DateTime must be an RFC 3339/);
    expect(error.extensions['code']).toBe('BAD_USER_INPUT');
  });

  it('refuses a literal that is not a string, pointing at it', () => {
    const node = { kind: Kind.INT, value: '12' } as const;
    const error = refusal(() => DateTimeScalar.parseLiteral(node));
    expect(error.extensions['code']).toBe('BAD_USER_INPUT');
    expect(error.nodes).toEqual([node]);
  });

  it('refuses to serve something that is not an instant, as a server error', () => {
    for (const bad of ['soon', new Date(Number.NaN), 42]) {
      const error = refusal(() => DateTimeScalar.serialize(bad));
      expect(error.message).toMatch(/^DateTime cannot serve/);
      expect(error.extensions['code']).toBeUndefined();
    }
  });
});
