import { cohortsMigrations } from '@sooc/cohorts-read-models';
import { enrollmentMigrations } from '@sooc/enrollment-read-models';
import { openStores, type ReadModelSet, type StoreConfig, type Stores } from '@sooc/runtime';

/**
 * The tables the reactor needs: due_offers (created by the enrollment migrations), due_closings
 * (by the cohorts migrations) and the read store's checkpoints. No projections listed:
 * startReactor runs its due-offers and due-closings projections itself, and a projector handed
 * these sets must not run them a second time.
 */
export const REACTOR_READ_MODELS: readonly ReadModelSet[] = [
  { context: 'enrollment', migrations: enrollmentMigrations, projections: [] },
  { context: 'cohorts', migrations: cohortsMigrations, projections: [] },
];

export function openReactorStores(config: Pick<StoreConfig, 'eventStoreUrl' | 'readDbUrl'>): Promise<Stores> {
  return openStores(config, REACTOR_READ_MODELS);
}
