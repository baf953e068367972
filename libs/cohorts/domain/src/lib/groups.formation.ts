import type { LearnerGroup } from './cohort.events';
import { seededRandom, shuffled } from './seeded-random';
import type { Applicant } from './seat-ledger.types';

/**
 * How many groups n learners make at target size s. The priorities, in order: no group below
 * s−1 (only unavoidable when n < s−1, and then there is one group); then none above s+1; then
 * the average size closest to s (10 at 4 → 4,3,3 rather than 5,5). Sizes never differ by more
 * than one. For some n no count keeps every size within s±1 (27 at 12): groups then grow.
 */
export function groupCount(n: number, s: number): number {
  if (n <= 0) return 0;
  const cost = (k: number) => {
    const small = Math.floor(n / k);
    const large = Math.ceil(n / k);
    return [Math.max(0, s - 1 - small), Math.max(0, large - (s + 1)), Math.abs(n / k - s)];
  };
  let best = 1;
  for (let k = 2; k <= n; k++) {
    const [a, b] = [cost(k), cost(best)];
    const better = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
    if (better < 0) best = k;
  }
  return best;
}

/** Sizes of k groups sharing n learners: the first n mod k get one more. */
export function groupSizes(n: number, k: number): number[] {
  return Array.from({ length: k }, (_, i) => Math.floor(n / k) + (i < n % k ? 1 : 0));
}

const NO_COMPANY = '\u0000';

/**
 * Small groups balanced across companies and levels, the same for the same learners and seed
 * whatever order they come in. Companies are placed biggest first, each learner into the group
 * with room that has fewest of their company, then of their level, then fewest members, then
 * the lowest index: the biggest company spreads evenly, smaller ones fill what is left.
 */
export function formGroups(learners: readonly Applicant[], targetSize: number, seed: string): LearnerGroup[] {
  const sorted = [...learners].sort((a, b) => (a.enrollmentId < b.enrollmentId ? -1 : a.enrollmentId > b.enrollmentId ? 1 : 0));
  const order = shuffled(sorted, seededRandom(seed));
  const sizes = groupSizes(order.length, groupCount(order.length, targetSize));
  const groups: Applicant[][] = sizes.map(() => []);

  const byCompany = new Map<string, Applicant[]>();
  for (const learner of order) {
    const key = learner.companyId ?? NO_COMPANY;
    byCompany.set(key, [...(byCompany.get(key) ?? []), learner]);
  }
  const companies = [...byCompany.entries()].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1));

  for (const [, members] of companies) {
    for (const learner of members) {
      const same = (group: Applicant[], pick: (m: Applicant) => unknown) => group.filter((m) => pick(m) === pick(learner)).length;
      let target = -1;
      for (let i = 0; i < groups.length; i++) {
        if (groups[i].length >= sizes[i]) continue;
        if (target < 0) {
          target = i;
          continue;
        }
        const [g, t] = [groups[i], groups[target]];
        const diff = same(g, (m) => m.companyId) - same(t, (m) => m.companyId) || same(g, (m) => m.level) - same(t, (m) => m.level) || g.length - t.length;
        if (diff < 0) target = i;
      }
      groups[target].push(learner);
    }
  }
  return groups.map((members, i) => ({
    groupId: `g${i + 1}`,
    members: [...members].sort((a, b) => (a.enrollmentId < b.enrollmentId ? -1 : 1)),
  }));
}
