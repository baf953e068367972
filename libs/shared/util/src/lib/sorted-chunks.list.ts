/**
 * A persistent sorted list of numbers kept in chunks of at most CHUNK items. Inserting or
 * removing copies the list of chunks and one chunk, instead of the whole list: a waitlist of
 * 900 changes on every arrival and every departure. The order is the caller's; every function
 * takes `ahead(item)`, true exactly for the items that sort before the one sought, so the
 * items passing it always form a prefix and a binary search finds its end.
 */
export type SortedChunks = readonly (readonly number[])[];

const CHUNK = 64;

/** Index of the first item of `items` that fails `ahead` (items.length when all pass). */
function prefixEnd(items: readonly number[], ahead: (item: number) => boolean): number {
  let [low, high] = [0, items.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ahead(items[mid])) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The chunk where the prefix ends, and the position in it. */
function locate(list: SortedChunks, ahead: (item: number) => boolean): { chunk: number; at: number } {
  let [low, high] = [0, list.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    const chunk = list[mid];
    if (ahead(chunk[chunk.length - 1])) low = mid + 1;
    else high = mid;
  }
  if (low === list.length) return low === 0 ? { chunk: 0, at: 0 } : { chunk: low - 1, at: list[low - 1].length };
  return { chunk: low, at: prefixEnd(list[low], ahead) };
}

function replaced(list: SortedChunks, index: number, chunks: readonly (readonly number[])[]): SortedChunks {
  return list.slice(0, index).concat(chunks, list.slice(index + 1));
}

export function sortedInsert(list: SortedChunks, item: number, ahead: (item: number) => boolean): SortedChunks {
  if (list.length === 0) return [[item]];
  const { chunk, at } = locate(list, ahead);
  const items = list[chunk];
  const grown = items.slice(0, at).concat([item], items.slice(at));
  const half = grown.length >>> 1;
  return replaced(list, chunk, grown.length > CHUNK ? [grown.slice(0, half), grown.slice(half)] : [grown]);
}

/** Removes `item`, found where `ahead` says it sorts; the list itself when it is not there. */
export function sortedRemove(list: SortedChunks, item: number, ahead: (item: number) => boolean): SortedChunks {
  const { chunk, at } = locate(list, ahead);
  const items = list[chunk];
  if (items?.[at] !== item) return list;
  const shrunk = items.slice(0, at).concat(items.slice(at + 1));
  return replaced(list, chunk, shrunk.length > 0 ? [shrunk] : []);
}

/** How many items pass `ahead`. */
export function sortedCount(list: SortedChunks, ahead: (item: number) => boolean): number {
  const { chunk, at } = locate(list, ahead);
  let count = at;
  for (let i = 0; i < chunk; i++) count += list[i].length;
  return count;
}

export function* sortedItems(list: SortedChunks): Generator<number> {
  for (const chunk of list) yield* chunk;
}
