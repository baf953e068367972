import { LEARNER_LEVELS } from './cohort-settings';
import { formGroups, groupCount, groupSizes } from './groups.formation';
import { hashSeed, seededRandom } from './seeded-random';
import type { Applicant } from './seat-ledger.types';

const learners = (n: number, company: (i: number) => string | null = () => null): Applicant[] =>
  Array.from({ length: n }, (_, i) => ({
    enrollmentId: `e-${String(i).padStart(3, '0')}`,
    learnerId: `l-${i}`,
    companyId: company(i),
    level: LEARNER_LEVELS[i % 3],
  }));
const sizesOf = (n: number, s: number) => groupSizes(n, groupCount(n, s));

describe('group sizes', () => {
  it.each([
    [5, 4, [5]],
    [10, 4, [4, 3, 3]],
    [2, 5, [2]],
    [12, 4, [4, 4, 4]],
    [13, 4, [4, 3, 3, 3]],
    [6, 5, [6]],
    [7, 5, [7]],
    [27, 12, [14, 13]],
    [9, 4, [3, 3, 3]],
    [0, 5, []],
  ])('%i learners at target %i make groups of %j', (n, s, expected) => {
    expect(sizesOf(n, s)).toEqual(expected);
  });
});

describe('formGroups', () => {
  it('numbers the groups g1..gk and places every learner once', () => {
    const groups = formGroups(learners(10), 4, 'seed');
    expect(groups.map((g) => g.groupId)).toEqual(['g1', 'g2', 'g3']);
    expect(groups.flatMap((g) => g.members.map((m) => m.enrollmentId)).sort()).toEqual(
      learners(10).map((l) => l.enrollmentId),
    );
  });

  it('gives the same groups for the same seed whatever order the learners come in', () => {
    const all = learners(17, (i) => ['acme', 'globex', null][i % 3]);
    expect(formGroups([...all].reverse(), 5, 'spring')).toEqual(formGroups(all, 5, 'spring'));
  });

  it('gives other groups for another seed', () => {
    const all = learners(20);
    expect(formGroups(all, 5, 'a')).not.toEqual(formGroups(all, 5, 'b'));
  });

  it('spreads a company evenly: four of acme over two groups are two and two', () => {
    const all = learners(8, (i) => (i < 4 ? 'acme' : null));
    const groups = formGroups(all, 4, 'x');
    expect(groups.map((g) => g.members.filter((m) => m.companyId === 'acme').length)).toEqual([2, 2]);
  });

  it('spreads levels within a company', () => {
    const all = learners(6, () => 'acme').map((l, i) => ({
      ...l,
      level: i < 3 ? ('advanced' as const) : ('beginner' as const),
    }));
    const groups = formGroups(all, 3, 'x');
    const advanced = groups.map((g) => g.members.filter((m) => m.level === 'advanced').length);
    expect(advanced.sort()).toEqual([1, 2]);
  });
});

describe('seeded random', () => {
  it('is the same sequence for the same seed, on every machine', () => {
    const [a, b] = [seededRandom('spring'), seededRandom('spring')];
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(hashSeed('')).toBe(0x811c9dc5);
  });
});
