import fc from 'fast-check';
import { sortedCount, sortedInsert, sortedItems, sortedRemove, type SortedChunks } from './sorted-chunks.list';

const below = (n: number) => (item: number) => item < n;
const items = (list: SortedChunks) => [...sortedItems(list)];

describe('the chunked sorted list behind the waitlist queues', () => {
  it('keeps items in order across inserts and removals, past a chunk', () => {
    let list: SortedChunks = [];
    for (const n of [5, 1, 3, ...Array.from({ length: 200 }, (_, i) => 10 + ((i * 37) % 200))])
      list = sortedInsert(list, n, below(n));
    list = sortedRemove(list, 3, below(3));
    expect(items(list)).toEqual([1, 5, ...Array.from({ length: 200 }, (_, i) => 10 + i)]);
    expect(sortedCount(list, below(100))).toBe(92);
  });

  it('changes nothing when asked to remove an item it does not hold', () => {
    const list = sortedInsert(sortedInsert([], 2, below(2)), 4, below(4));
    expect(sortedRemove(list, 3, below(3))).toBe(list);
    expect(sortedRemove([], 3, below(3))).toEqual([]);
  });

  it('agrees with a sorted array, and leaves every earlier list as it was', () => {
    const op = fc.record({ insert: fc.boolean(), n: fc.integer({ min: 0, max: 300 }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 500 }), fc.integer({ min: 0, max: 301 }), (ops, probe) => {
        let list: SortedChunks = [];
        let model: number[] = [];
        const history: [SortedChunks, number[]][] = [];
        for (const { insert, n } of ops) {
          if (insert && !model.includes(n)) {
            list = sortedInsert(list, n, below(n));
            model = [...model, n].sort((a, b) => a - b);
          } else if (!insert) {
            list = sortedRemove(list, n, below(n));
            model = model.filter((m) => m !== n);
          }
          history.push([list, model]);
        }
        expect(items(list)).toEqual(model);
        expect(sortedCount(list, below(probe))).toBe(model.filter((m) => m < probe).length);
        for (const [earlier, expected] of history) expect(items(earlier)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
