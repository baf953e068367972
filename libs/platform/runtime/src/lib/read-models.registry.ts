import { cohortsMigrations, cohortsProjections } from '@sooc/cohorts-read-models';
import { complianceMigrations, complianceProjections } from '@sooc/compliance-read-models';
import { enrollmentMigrations, enrollmentProjections } from '@sooc/enrollment-read-models';
import { partnersMigrations, partnersProjections } from '@sooc/partners-read-models';
import { selectionMigrations, selectionProjections } from '@sooc/selection-read-models';
import type { AnyProjection, MigrationSet } from '@sooc/read-store';

/** One bounded context's read side: its tables' migrations and the projections that fill them. */
export interface ReadModelSet {
  readonly context: string;
  readonly migrations: MigrationSet;
  readonly projections: readonly AnyProjection[];
}

/**
 * Every read model of the system, in one list shared by the gateway, the projector and the
 * rebuild tooling, so they can never disagree on which tables exist. A new context is one line.
 */
export const READ_MODELS: readonly ReadModelSet[] = [
  { context: 'cohorts', migrations: cohortsMigrations, projections: cohortsProjections },
  { context: 'enrollment', migrations: enrollmentMigrations, projections: enrollmentProjections },
  { context: 'selection', migrations: selectionMigrations, projections: selectionProjections },
  { context: 'compliance', migrations: complianceMigrations, projections: complianceProjections },
  { context: 'partners', migrations: partnersMigrations, projections: partnersProjections },
];

export const allMigrationSets = (sets: readonly ReadModelSet[] = READ_MODELS): MigrationSet[] =>
  sets.map((s) => s.migrations);
export const allProjections = (sets: readonly ReadModelSet[] = READ_MODELS): AnyProjection[] =>
  sets.flatMap((s) => s.projections);
/** Every event type some projection reads: what the projector's checkpoints move past. */
export const projectedEventTypes = (sets: readonly ReadModelSet[] = READ_MODELS): string[] => [
  ...new Set(allProjections(sets).flatMap((p) => [...p.handles] as string[])),
];
