import { Kind } from 'graphql';
import { PositionScalar } from './position.scalar';

describe('PositionScalar', () => {
  it('round-trips 64-bit positions as strings', () => {
    expect(PositionScalar.serialize(9007199254740993n)).toBe('9007199254740993');
    expect(PositionScalar.parseValue('9007199254740993')).toBe(9007199254740993n);
    expect(PositionScalar.parseLiteral({ kind: Kind.STRING, value: '12' })).toBe(12n);
  });

  it('accepts the largest 64-bit position and refuses the next one', () => {
    expect(PositionScalar.parseValue('18446744073709551615')).toBe(2n ** 64n - 1n);
    for (const bad of ['18446744073709551616', '12345678901234567890123']) {
      expect(() => PositionScalar.parseValue(bad)).toThrow('64-bit');
      expect(() => PositionScalar.parseLiteral({ kind: Kind.STRING, value: bad })).toThrow('64-bit');
    }
  });

  it('refuses negatives, decimals and words', () => {
    for (const bad of ['-1', '1.5', 'latest', '', -3])
      expect(() => PositionScalar.parseValue(bad)).toThrow('Position must be');
  });
});
