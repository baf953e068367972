/**
 * A persistent string-keyed map (a hash trie of 32-way nodes). Setting a key copies only the
 * nodes on its path, a few arrays of 32 slots, where spreading a record of a thousand keys
 * copies all of them: the seat ledger adds a line per applicant and must stay cheap to fold.
 * Nothing is ever written into a trie once built, so folded states can share their tries.
 * Keys are compared as strings, never looked up on an object: "constructor" is just a key.
 */
interface Leaf<V> {
  readonly key: string;
  readonly hash: number;
  readonly value: V;
}
/** Keys whose 32-bit hashes are equal all the way down. */
interface Collisions<V> {
  readonly leaves: readonly Leaf<V>[];
}
type Slot<V> = Leaf<V> | Collisions<V> | HashTrie<V> | null;
export type HashTrie<V> = readonly Slot<V>[];

const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;
/** Past this shift the hash has no bits left (`>>>` takes its count modulo 32). */
const LAST_SHIFT = 30;

/** FNV-1a: fast, and spreads the "e-1", "e-2", … ids of one cohort over the slots well. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function isNode<V>(slot: Slot<V>): slot is HashTrie<V> {
  return Array.isArray(slot);
}

function isCollisions<V>(slot: Leaf<V> | Collisions<V>): slot is Collisions<V> {
  return 'leaves' in slot;
}

export function emptyHashTrie<V>(): HashTrie<V> {
  return new Array<Slot<V>>(WIDTH).fill(null);
}

export function hashTrieGet<V>(trie: HashTrie<V>, key: string): V | undefined {
  const hash = hashOf(key);
  let node = trie;
  for (let shift = 0; ; shift += BITS) {
    const slot = node[(hash >>> shift) & MASK];
    if (slot === null) return undefined;
    if (isNode(slot)) {
      node = slot;
      continue;
    }
    if (isCollisions(slot)) return slot.leaves.find((leaf) => leaf.key === key)?.value;
    return slot.key === key ? slot.value : undefined;
  }
}

/** Two leaves that share a slot move one level down, until their hashes part. */
function split<V>(a: Leaf<V>, b: Leaf<V>, shift: number): Slot<V> {
  if (shift > LAST_SHIFT) return { leaves: [a, b] };
  const node = emptyHashTrie<V>() as Slot<V>[];
  const [i, j] = [(a.hash >>> shift) & MASK, (b.hash >>> shift) & MASK];
  if (i === j) node[i] = split(a, b, shift + BITS);
  else [node[i], node[j]] = [a, b];
  return node;
}

function withLeaf<V>(node: HashTrie<V>, leaf: Leaf<V>, shift: number): HashTrie<V> {
  const i = (leaf.hash >>> shift) & MASK;
  const slot = node[i];
  let next: Slot<V>;
  if (slot === null) next = leaf;
  else if (isNode(slot)) next = withLeaf(slot, leaf, shift + BITS);
  else if (isCollisions(slot)) next = { leaves: [...slot.leaves.filter((l) => l.key !== leaf.key), leaf] };
  else if (slot.key === leaf.key) next = leaf;
  else next = split(slot, leaf, shift + BITS);
  const copy = node.slice();
  copy[i] = next;
  return copy;
}

/** A new trie with `key` set to `value`; the given trie is left as it was. */
export function hashTrieSet<V>(trie: HashTrie<V>, key: string, value: V): HashTrie<V> {
  return withLeaf(trie, { key, hash: hashOf(key), value }, 0);
}
