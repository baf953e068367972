export const MAX_PAGE_SIZE = 100;

export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

export interface Connection<Node> {
  readonly nodes: readonly Node[];
  readonly pageInfo: PageInfo;
  /** Matches of the filter across all pages, not only after the cursor. */
  readonly totalCount: number;
}

/** A client cannot ask for an unbounded page, nor an empty one. */
export function clampPageSize(first: number, max = MAX_PAGE_SIZE): number {
  if (!Number.isFinite(first)) return 1;
  return Math.min(max, Math.max(1, Math.trunc(first)));
}
