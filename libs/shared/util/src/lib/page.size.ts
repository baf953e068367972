/** A client cannot ask for an unbounded page, nor an empty one. */
export function clampPageSize(first: number, max: number): number {
  if (!Number.isFinite(first)) return 1;
  return Math.min(max, Math.max(1, Math.trunc(first)));
}
