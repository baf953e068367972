import fc from 'fast-check';
import { emptyHashTrie, hashTrieGet, hashTrieSet, type HashTrie } from './hash-trie.map';

const fill = (pairs: readonly (readonly [string, number])[]): HashTrie<number> =>
  pairs.reduce((trie, [key, value]) => hashTrieSet(trie, key, value), emptyHashTrie<number>());

describe('the hash trie behind the ledger index', () => {
  it('finds what was set and nothing else', () => {
    const trie = fill([
      ['e-1', 1],
      ['e-2', 2],
      ['e-1', 10],
    ]);
    expect([hashTrieGet(trie, 'e-1'), hashTrieGet(trie, 'e-2'), hashTrieGet(trie, 'e-3')]).toEqual([10, 2, undefined]);
  });

  it('treats names of Object.prototype as plain keys', () => {
    const trie = fill([['constructor', 1]]);
    expect([hashTrieGet(trie, 'constructor'), hashTrieGet(trie, 'toString'), hashTrieGet(trie, '__proto__')]).toEqual([
      1,
      undefined,
      undefined,
    ]);
  });

  it('keeps apart two ids whose hashes are equal', () => {
    // Found by search: both hash to 3522036296, so they share every level of the trie.
    const trie = fill([
      ['e-18688', 1],
      ['e-300426', 2],
    ]);
    expect([
      hashTrieGet(trie, 'e-18688'),
      hashTrieGet(trie, 'e-300426'),
      hashTrieGet(hashTrieSet(trie, 'e-18688', 3), 'e-18688'),
    ]).toEqual([1, 2, 3]);
  });

  it('leaves the trie it was given as it was', () => {
    const before = fill([['e-1', 1]]);
    const snapshot = JSON.stringify(before);
    hashTrieSet(hashTrieSet(before, 'e-2', 2), 'e-1', 5);
    expect(JSON.stringify(before)).toBe(snapshot);
    expect(hashTrieGet(before, 'e-2')).toBeUndefined();
  });

  it('answers like a Map over any keys set in any order', () => {
    const pairs = fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 400 });
    fc.assert(
      fc.property(pairs, fc.array(fc.string({ maxLength: 4 }), { maxLength: 50 }), (set, probes) => {
        const trie = fill(set);
        const model = new Map(set);
        for (const key of [...model.keys(), ...probes]) expect(hashTrieGet(trie, key)).toBe(model.get(key));
      }),
      { numRuns: 200 },
    );
  });
});
