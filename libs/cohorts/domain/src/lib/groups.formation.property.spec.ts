import fc from 'fast-check';
import { LEARNER_LEVELS, SETTINGS_LIMITS } from './cohort-settings';
import { formGroups } from './groups.formation';
import type { Applicant } from './seat-ledger.types';

const applicants = fc
  .array(
    fc.record({
      companyId: fc.constantFrom('acme', 'globex', 'initech', 'umbrella', null),
      level: fc.constantFrom(...LEARNER_LEVELS),
    }),
    { maxLength: 80 },
  )
  .map((rows) => rows.map((row, i): Applicant => ({ enrollmentId: `e-${i}`, learnerId: `l-${i}`, ...row })));
const targetSize = fc.integer({ min: SETTINGS_LIMITS.groupSizeMin, max: SETTINGS_LIMITS.groupSizeMax });
const seed = fc.string({ minLength: 1, maxLength: 20 });
const countOf = (members: readonly Applicant[], pick: (a: Applicant) => unknown, value: unknown) =>
  members.filter((m) => pick(m) === value).length;

/** Whether some number of groups keeps every size within s±1 (sizes of k groups differ by at most one). */
const withinReach = (n: number, s: number) =>
  Array.from({ length: n }, (_, i) => i + 1).some((k) => Math.floor(n / k) >= s - 1 && Math.ceil(n / k) <= s + 1);

describe('formGroups over random cohorts', () => {
  it('places every learner exactly once, in groups g1..gk whose sizes differ by at most one', () => {
    fc.assert(
      fc.property(applicants, targetSize, seed, (learners, s, sd) => {
        const groups = formGroups(learners, s, sd);
        const placed = groups.flatMap((g) => g.members.map((m) => m.enrollmentId)).sort();
        expect(placed).toEqual(learners.map((l) => l.enrollmentId).sort());
        expect(groups.map((g) => g.groupId)).toEqual(groups.map((_, i) => `g${i + 1}`));
        const sizes = groups.map((g) => g.members.length);
        if (sizes.length > 0) expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('makes no group smaller than s−1 unless there are fewer learners, then one group; none above s+1 when some count allows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), targetSize, (n, s) => {
        const learners = Array.from({ length: n }, (_, i): Applicant => ({
          enrollmentId: `e-${i}`,
          learnerId: `l-${i}`,
          companyId: null,
          level: 'beginner',
        }));
        const sizes = formGroups(learners, s, 'sizes').map((g) => g.members.length);
        if (n < s - 1) expect(sizes).toEqual([n]);
        else expect(Math.min(...sizes)).toBeGreaterThanOrEqual(s - 1);
        if (withinReach(n, s)) expect(Math.max(...sizes)).toBeLessThanOrEqual(s + 1);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic for a seed, whatever order the learners come in', () => {
    fc.assert(
      fc.property(
        applicants.chain((learners) =>
          fc.tuple(fc.constant(learners), fc.shuffledSubarray(learners, { minLength: learners.length })),
        ),
        targetSize,
        seed,
        ([learners, reordered], s, sd) => {
          expect(formGroups(reordered, s, sd)).toEqual(formGroups(learners, s, sd));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('spreads every company evenly: its count per group differs by at most one', () => {
    fc.assert(
      fc.property(applicants, targetSize, seed, (learners, s, sd) => {
        const groups = formGroups(learners, s, sd);
        for (const company of new Set(learners.map((l) => l.companyId))) {
          const counts = groups.map((g) => countOf(g.members, (m) => m.companyId, company));
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});
