import type { Criterion } from '@sooc/selection-domain/published';
import { flag, parseJsonColumn } from '@sooc/util';
import type { RubricView } from './rubric.read-model';
import type { SelectionReadDb } from './selection.read-model';

/** The cohort's current rubric, null before the first definition. */
export async function findRubric(db: SelectionReadDb, cohortId: string): Promise<RubricView | null> {
  const row = await db.selectFrom('selection_rubrics').selectAll().where('cohort_id', '=', cohortId).executeTakeFirst();
  if (!row) return null;
  return {
    cohortId: row.cohort_id,
    version: row.version,
    criteria: parseJsonColumn<Criterion[]>(row.criteria, []),
    blind: flag(row.blind),
    reviewsRequired: row.reviews_required,
    definedAt: row.defined_at,
  };
}

/**
 * Whether the cohort's current rubric is blind: reviewers may then not see who applied. Published
 * for the enrollment's redaction of applications; false before any rubric.
 */
export async function isBlindReview(db: SelectionReadDb, cohortId: string): Promise<boolean> {
  const row = await db
    .selectFrom('selection_rubrics')
    .select('blind')
    .where('cohort_id', '=', cohortId)
    .executeTakeFirst();
  return flag(row?.blind ?? 0);
}
