import fc from 'fast-check';
import { textLength } from './field-problems';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemesOf = (text: string) => [...segmenter.segment(text)].length;

describe('textLength', () => {
  it('counts characters as users do: a flag, a toned thumb and e + combining accent are one each; CR LF is one', () => {
    expect(textLength('🇫🇷👍🏽e\u0301')).toBe(3);
    expect(textLength('a\r\nb')).toBe(3);
    expect(textLength('plain text, 100% ASCII')).toBe(22);
  });

  it('agrees with the grapheme segmenter on any text, the fast path for simple text included', () => {
    const simple = fc.string({ unit: fc.integer({ min: 0, max: 0x2ff }).map((c) => String.fromCharCode(c)) });
    fc.assert(
      fc.property(fc.oneof(simple, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (text) => {
        expect(textLength(text)).toBe(graphemesOf(text));
      }),
    );
  });
});
