import { enrollmentMigrations } from '@sooc/enrollment-read-models';
import { openStores, type ReadModelSet, type StoreConfig, type Stores } from '@sooc/runtime';

/**
 * The tables the reactor needs: due_offers (created by the enrollment migrations) and the read
 * store's checkpoints. No projections listed: startReactor runs its due-offers projection itself,
 * and a projector handed this set must not run it a second time.
 */
export const REACTOR_READ_MODELS: ReadModelSet = {
  context: 'enrollment',
  migrations: enrollmentMigrations,
  projections: [],
};

export function openReactorStores(config: Pick<StoreConfig, 'eventStoreUrl' | 'readDbUrl'>): Promise<Stores> {
  return openStores(config, [REACTOR_READ_MODELS]);
}
