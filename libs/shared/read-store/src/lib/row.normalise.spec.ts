import { normaliseRow, sameRow } from './row.normalise';

describe('normaliseRow', () => {
  it('turns booleans into 1/0 and dates into ISO text, leaving the input alone', () => {
    const input = { id: 'a', open: true, closed: false, at: new Date('2026-03-01T10:00:00.000Z'), n: 3, note: null };
    expect(normaliseRow(input as never)).toEqual({
      id: 'a',
      open: 1,
      closed: 0,
      at: '2026-03-01T10:00:00.000Z',
      n: 3,
      note: null,
    });
    expect(input.open).toBe(true);
  });

  it('returns a frozen row, so a fold that edits its input fails instead of writing nothing', () => {
    const row = normaliseRow({ id: 'a', count: 1 })!;
    expect(Object.isFrozen(row)).toBe(true);
    expect(() => {
      (row as { count: number }).count++;
    }).toThrow(TypeError);
  });

  it('keeps null as null', () => {
    expect(normaliseRow(null)).toBeNull();
  });
});

describe('sameRow', () => {
  it('compares column by column', () => {
    expect(sameRow({ id: 'a', n: 1 }, { n: 1, id: 'a' })).toBe(true);
    expect(sameRow({ id: 'a', n: 1 }, { id: 'a', n: 2 })).toBe(false);
    expect(sameRow({ id: 'a', n: 1 }, { id: 'a', n: 1, extra: null })).toBe(false);
    expect(sameRow(null, null)).toBe(true);
    expect(sameRow({ id: 'a' }, null)).toBe(false);
  });
});
