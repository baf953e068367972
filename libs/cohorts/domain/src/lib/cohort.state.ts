import type { CohortSettings } from './cohort-settings';
import type { CohortPlannedData, LearnerGroup } from './cohort.events';
import type { SeatLedger } from './seat-ledger.types';

/** Everything a planned cohort carries, whatever its status. */
export type CohortRecord = CohortPlannedData & {
  readonly settings: CohortSettings;
  /**
   * The seat ledger. `capacity` (of the record) and `ledger.capacity` both follow CapacityChanged,
   * so either reads as the current capacity; the capacity at planning is in the CohortPlanned event.
   */
  readonly ledger: SeatLedger;
  /** The latest formation (null before the first), and how many there were. */
  readonly groups: {
    readonly formation: number;
    readonly targetSize: number;
    readonly seed: string;
    readonly groups: readonly LearnerGroup[];
  } | null;
};

export type CohortStatus = 'planned' | 'open' | 'closed' | 'running' | 'completed' | 'cancelled';

/** Lifecycle planned → open → closed → running → completed, or cancelled from any but completed. */
export type CohortState = { readonly status: 'none' } | ({ readonly status: CohortStatus } & CohortRecord);
