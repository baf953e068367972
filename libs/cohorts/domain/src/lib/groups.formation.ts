import type { LearnerGroup } from './cohort.events';
import { seededRandom, shuffled } from './seeded-random';
import type { Applicant } from './seat-ledger.types';

/**
 * How many groups n learners make at target size s. The priorities, in order: no group below
 * s−1 (only unavoidable when n < s−1, and then there is one group); then none above s+1; then
 * none above s (10 at 4 → 4,3,3 rather than 5,5); then the average size closest to s (12 at 4 →
 * 4,4,4 rather than 3,3,3,3). Sizes never differ by more than one. For some n no count keeps
 * every size within s±1 (27 at 12 → 14,13): groups then grow rather than shrink below s−1.
 */
export function groupCount(n: number, s: number): number {
  if (n <= 0) return 0;
  const cost = (k: number) => {
    const small = Math.floor(n / k);
    const large = Math.ceil(n / k);
    return [Math.max(0, s - 1 - small), Math.max(0, large - (s + 1)), Math.max(0, large - s), Math.abs(n / k - s)];
  };
  let best = 1;
  for (let k = 2; k <= n; k++) {
    const [a, b] = [cost(k), cost(best)];
    const better = a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3];
    if (better < 0) best = k;
  }
  return best;
}

/** Sizes of k groups sharing n learners: the first n mod k get one more. */
export function groupSizes(n: number, k: number): number[] {
  return Array.from({ length: k }, (_, i) => Math.floor(n / k) + (i < n % k ? 1 : 0));
}

const NO_COMPANY = '\u0000';

const byEnrollmentId = (a: Applicant, b: Applicant) =>
  a.enrollmentId < b.enrollmentId ? -1 : a.enrollmentId > b.enrollmentId ? 1 : 0;

/**
 * How many of one company's m learners each group takes: m/k rounded down everywhere, and the
 * m mod k extra ones to the groups with the most room left. Taking the roomiest keeps the room of
 * all groups within one of each other, so every later company can be split evenly as well.
 */
function companyShares(groups: readonly Applicant[][], sizes: readonly number[], m: number): number[] {
  const k = groups.length;
  const shares = sizes.map(() => Math.floor(m / k));
  const roomiest = sizes
    .map((size, i) => ({ i, room: size - groups[i].length }))
    .sort((a, b) => b.room - a.room || a.i - b.i);
  for (const { i } of roomiest.slice(0, m % k)) shares[i]++;
  return shares;
}

/**
 * Small groups balanced across companies and levels, the same for the same learners and seed
 * whatever order they come in. Companies are placed biggest first; each company's learners are
 * split as evenly as sizes allow (no group has two more of a company than another), and each
 * learner, in seeded order, joins the group with a share of their company left that has fewest
 * of their level, then fewest members, then the lowest index.
 */
export function formGroups(learners: readonly Applicant[], targetSize: number, seed: string): LearnerGroup[] {
  const order = shuffled([...learners].sort(byEnrollmentId), seededRandom(seed));
  const sizes = groupSizes(order.length, groupCount(order.length, targetSize));
  const groups: Applicant[][] = sizes.map(() => []);

  const byCompany = new Map<string, Applicant[]>();
  for (const learner of order) {
    const key = learner.companyId ?? NO_COMPANY;
    byCompany.set(key, [...(byCompany.get(key) ?? []), learner]);
  }
  const companies = [...byCompany.entries()].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1));

  for (const [, members] of companies) {
    const shares = companyShares(groups, sizes, members.length);
    for (const learner of members) {
      const sameLevel = (i: number) => groups[i].filter((m) => m.level === learner.level).length;
      let target = -1;
      for (let i = 0; i < groups.length; i++) {
        if (shares[i] === 0) continue;
        if (target < 0 || (sameLevel(i) - sameLevel(target) || groups[i].length - groups[target].length) < 0)
          target = i;
      }
      shares[target]--;
      groups[target].push(learner);
    }
  }
  return groups.map((members, i) => ({ groupId: `g${i + 1}`, members: [...members].sort(byEnrollmentId) }));
}
