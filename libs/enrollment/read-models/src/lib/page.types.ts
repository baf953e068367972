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
