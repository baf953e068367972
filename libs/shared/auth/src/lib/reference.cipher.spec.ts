import { randomBytes } from 'node:crypto';
import { ReferenceCipher } from './reference.cipher';

describe('ReferenceCipher', () => {
  const cipher = new ReferenceCipher(randomBytes(32));

  it('turns an id into an opaque, stable reference that decodes back', () => {
    const reference = cipher.encode('cohort-1-ada');
    expect(reference).toMatch(/^ref_[\w-]+$/);
    expect(reference).not.toContain('ada');
    expect(cipher.encode('cohort-1-ada')).toBe(reference);
    expect(cipher.encode('cohort-1-bob')).not.toBe(reference);
    expect(cipher.decode(reference)).toBe('cohort-1-ada');
  });

  it('decodes nothing it did not make: altered, made up, truncated, or of another key', () => {
    const reference = cipher.encode('cohort-1-ada');
    const flipped = reference.slice(0, 10) + (reference[10] === 'A' ? 'B' : 'A') + reference.slice(11);
    for (const bad of [flipped, 'ref_', 'ref_AAAA', reference.slice(0, -4), 'cohort-1-ada', `ref_${'A'.repeat(2000)}`])
      expect(cipher.decode(bad)).toBeNull();
    expect(new ReferenceCipher(randomBytes(32)).decode(reference)).toBeNull();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new ReferenceCipher(randomBytes(16))).toThrow('32 bytes');
  });
});
