import { normaliseRow, type ReadDb } from '@sooc/read-store';
import type { ProjectionRow } from '@sooc/event-sourcing';

export interface ComparedTable {
  readonly table: string;
  readonly keyColumn: string;
}

export type RowDifference =
  | {
      readonly kind: 'changed';
      readonly table: string;
      readonly key: string;
      readonly column: string;
      readonly live: unknown;
      readonly rebuilt: unknown;
    }
  /** The rebuilt read model has the row, the live one lacks it. */
  | { readonly kind: 'missing'; readonly table: string; readonly key: string }
  /** The live read model has a row that no event makes. */
  | { readonly kind: 'extra'; readonly table: string; readonly key: string };

export interface Comparison {
  readonly rows: number;
  readonly tables: number;
  readonly differences: number;
}

const PAGE = 500;

/**
 * Compares `live` with `rebuilt` row by row, by key, table by table, and reports each difference
 * as it finds it. Two keyset passes per table (live rows looked up in the rebuilt copy, then the
 * rebuilt keys in the live one) keep memory to a page and never rely on both databases sorting
 * text alike (PostgreSQL and SQLite collations differ).
 */
export async function compareReadModels(
  live: ReadDb,
  rebuilt: ReadDb,
  tables: readonly ComparedTable[],
  report: (difference: RowDifference) => void,
): Promise<Comparison> {
  let rows = 0;
  let differences = 0;
  const count = (difference: RowDifference) => {
    differences++;
    report(difference);
  };
  for (const { table, keyColumn } of tables) {
    for await (const page of pages(live, table, keyColumn)) {
      const others = await rowsByKey(rebuilt, table, keyColumn, page);
      for (const row of page) {
        rows++;
        const key = String(row[keyColumn]);
        const other = others.get(key);
        if (!other) count({ kind: 'extra', table, key });
        else for (const difference of columnDifferences(table, key, row, other)) count(difference);
      }
    }
    for await (const page of pages(rebuilt, table, keyColumn, [keyColumn])) {
      const found = await rowsByKey(live, table, keyColumn, page, [keyColumn]);
      for (const row of page) {
        const key = String(row[keyColumn]);
        if (found.has(key)) continue;
        rows++;
        count({ kind: 'missing', table, key });
      }
    }
  }
  return { rows, tables: tables.length, differences };
}

function* columnDifferences(
  table: string,
  key: string,
  live: ProjectionRow,
  rebuilt: ProjectionRow,
): Generator<RowDifference> {
  const [a, b] = [normaliseRow(live) as ProjectionRow, normaliseRow(rebuilt) as ProjectionRow];
  for (const column of new Set([...Object.keys(a), ...Object.keys(b)]))
    if (a[column] !== b[column])
      yield { kind: 'changed', table, key, column, live: a[column] ?? null, rebuilt: b[column] ?? null };
}

async function* pages(
  db: ReadDb,
  table: string,
  keyColumn: string,
  columns?: readonly string[],
): AsyncGenerator<ProjectionRow[]> {
  let after: unknown = undefined;
  for (;;) {
    let query = db.selectFrom(table);
    if (after !== undefined) query = query.where(keyColumn, '>', after);
    const page = (await (columns ? query.select(columns) : query.selectAll())
      .orderBy(keyColumn)
      .limit(PAGE)
      .execute()) as ProjectionRow[];
    if (page.length === 0) return;
    yield page;
    if (page.length < PAGE) return;
    after = page[page.length - 1][keyColumn];
  }
}

async function rowsByKey(
  db: ReadDb,
  table: string,
  keyColumn: string,
  page: readonly ProjectionRow[],
  columns?: readonly string[],
): Promise<Map<string, ProjectionRow>> {
  const query = db.selectFrom(table).where(
    keyColumn,
    'in',
    page.map((r) => r[keyColumn]),
  );
  const found = (await (columns ? query.select(columns) : query.selectAll()).execute()) as ProjectionRow[];
  return new Map(found.map((r) => [String(r[keyColumn]), r]));
}

export function describeDifference(d: RowDifference): string {
  const at = `${d.table} ${JSON.stringify(d.key)}`;
  switch (d.kind) {
    case 'changed':
      return `${at} ${d.column}: live ${JSON.stringify(d.live)}, rebuilt ${JSON.stringify(d.rebuilt)}`;
    case 'missing':
      return `${at}: missing from the live read model (the events make it)`;
    case 'extra':
      return `${at}: in the live read model only (no event makes it)`;
  }
}
