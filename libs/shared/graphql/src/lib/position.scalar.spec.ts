import { Kind } from 'graphql';
import { PositionScalar } from './position.scalar';

describe('PositionScalar', () => {
  it('round-trips 64-bit positions as strings', () => {
    expect(PositionScalar.serialize(9007199254740993n)).toBe('9007199254740993');
    expect(PositionScalar.parseValue('9007199254740993')).toBe(9007199254740993n);
    expect(PositionScalar.parseLiteral({ kind: Kind.STRING, value: '12' })).toBe(12n);
  });

  it('refuses negatives, decimals and words', () => {
    for (const bad of ['-1', '1.5', 'latest', '', -3])
      expect(() => PositionScalar.parseValue(bad)).toThrow('Position must be');
  });
});
