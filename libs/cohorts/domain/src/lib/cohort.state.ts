import type { CohortSettings } from './cohort-settings';
import type { CohortPlannedData, LearnerGroup } from './cohort.events';
import type { SeatLedger } from './seat-ledger.types';

/** Everything a planned cohort carries, whatever its status. */
export type CohortRecord = CohortPlannedData & {
  readonly settings: CohortSettings;
  /** `capacity` of the plan is the capacity at planning; the ledger's is the current one. */
  readonly ledger: SeatLedger;
  /** The latest formation (null before the first), and how many there were. */
  readonly groups: { readonly formation: number; readonly targetSize: number; readonly seed: string; readonly groups: readonly LearnerGroup[] } | null;
};

export type CohortStatus = 'planned' | 'open' | 'closed' | 'running' | 'completed' | 'cancelled';

/** Lifecycle planned → open → closed → running → completed, or cancelled from any but completed. */
export type CohortState = { readonly status: 'none' } | ({ readonly status: CohortStatus } & CohortRecord);
