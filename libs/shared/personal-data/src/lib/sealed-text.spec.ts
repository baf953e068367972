import { randomBytes } from 'node:crypto';
import { looksSealed, newSubjectKey, seal, sealedKeyId, unseal } from './sealed-text';

describe('sealed text', () => {
  const key = newSubjectKey();

  it('opens with its key to the same text, emoji and all, and never repeats a ciphertext', () => {
    const text = 'Je dirige une équipe de cinq 👩🏽‍💻';
    const a = seal(key, text);
    const b = seal(key, text);
    expect(a).not.toBe(b);
    expect(a).not.toContain('équipe');
    expect(unseal(key.key, a)).toBe(text);
    expect(unseal(key.key, seal(key, ''))).toBe('');
  });

  it('names its key id, and nothing about its subject or its text', () => {
    const sealed = seal(key, 'ada@example.org');
    expect(sealedKeyId(sealed)).toBe(key.keyId);
    expect(looksSealed(sealed)).toBe(true);
    expect(sealed).not.toMatch(/ada|example/);
  });

  it('does not open with another key, nor once altered', () => {
    const sealed = seal(key, 'secret');
    expect(unseal(randomBytes(32), sealed)).toBeNull();
    const flipped = sealed.slice(0, -2) + (sealed.endsWith('AA') ? 'AB' : 'AA');
    expect(unseal(key.key, flipped)).toBeNull();
    // The key id is bound to the ciphertext: moved under another id, it does not open.
    const other = newSubjectKey();
    expect(unseal(key.key, sealed.replace(key.keyId, other.keyId))).toBeNull();
  });

  it('leaves ordinary text alone, including text that starts like a sealed value', () => {
    for (const text of ['', 'pd1:', 'pd1:not-a-key:xyz', 'I run a team of five.'])
      expect([looksSealed(text), sealedKeyId(text), unseal(key.key, text)]).toEqual([false, null, null]);
  });
});
