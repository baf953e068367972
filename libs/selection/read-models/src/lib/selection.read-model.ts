import type { SelectionRubricRow } from './rubric.read-model';
import type { Kysely } from 'kysely';

/** The tables this library owns, for `Kysely<SelectionDatabase>`. */
export interface SelectionDatabase {
  selection_rubrics: SelectionRubricRow;
}

/** What the queries take; the read-store's `Kysely<any>` is assignable to it. */
export type SelectionReadDb = Kysely<SelectionDatabase>;
