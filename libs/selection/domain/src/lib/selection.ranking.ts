import type { ReviewEntry, SelectionState } from './selection.state';

export interface RankedApplication {
  readonly enrollmentId: string;
  /** Mean of the reviewers' latest scores, on 0..100 with two decimals. */
  readonly averageScore: number;
  readonly reviews: number;
  /** 1 = best; equal averages share the better rank (1, 2, 2, 4). */
  readonly rank: number;
}

/**
 * Summed in hundredths: the scores have two decimals, and adding them as binary fractions would
 * turn (53.33 + 100) / 2 into 76.66499… and round it down.
 */
export function averageScore(reviews: Readonly<Record<string, ReviewEntry>>): number | null {
  const hundredths = Object.values(reviews).map((r) => Math.round(r.score * 100));
  if (hundredths.length === 0) return null;
  return Math.round(hundredths.reduce((a, b) => a + b, 0) / hundredths.length) / 100;
}

/**
 * Every reviewed application of the cohort, best first (ties by enrollment id, for a stable
 * order). Ranks compare the two-decimal averages, so what a reviewer sees explains the rank.
 */
export function ranking(state: SelectionState): RankedApplication[] {
  if (state.status === 'none') return [];
  const reviewed = Object.entries(state.reviews)
    .map(([enrollmentId, reviews]) => ({
      enrollmentId,
      averageScore: averageScore(reviews),
      reviews: Object.keys(reviews).length,
    }))
    .filter((a): a is Omit<RankedApplication, 'rank'> => a.averageScore !== null)
    .sort(
      (a, b) =>
        b.averageScore - a.averageScore ||
        (a.enrollmentId < b.enrollmentId ? -1 : a.enrollmentId > b.enrollmentId ? 1 : 0),
    );
  const ranked: RankedApplication[] = [];
  reviewed.forEach((a, i) => {
    const previous = ranked[i - 1];
    ranked.push({ ...a, rank: previous && previous.averageScore === a.averageScore ? previous.rank : i + 1 });
  });
  return ranked;
}
