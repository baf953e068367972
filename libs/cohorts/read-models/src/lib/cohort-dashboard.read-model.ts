import type { CohortSettings, CohortStatus, WaitlistOrder } from '@sooc/cohorts-domain/published';

/**
 * One row per cohort in table `cohort_dashboards`: the cohort's own facts and whether its rubric is
 * blind; seats and counts are aggregated at query time from `cohort_seats` and `cohort_applications`.
 */
export type CohortDashboardRow = {
  cohort_id: string;
  title: string;
  status: CohortStatus;
  selection_policy: string;
  capacity: number;
  /** JSON object: company id → seats; a company without a quota has no entry. */
  quotas: string;
  /** JSON of the whole CohortSettings (defaults until CohortConfigured). */
  settings: string;
  waitlist_order: WaitlistOrder;
  /** 1 when the cohort's current rubric is blind (from the selection's RubricDefined): the waitlist names no one. */
  blind: number;
  updated_at: string;
  last_position: string;
};

export interface WaitlistEntryView {
  /** 1-based place in the waitlist. */
  readonly position: number;
  /**
   * Opaque and stable (from the position of the waitlisting): names the place without naming the
   * learner. In a blind cohort it is the only reference the waitlist shows.
   */
  readonly reference: string;
  /** null in a blind cohort: nothing a reviewer can reach there carries who applied. */
  readonly enrollmentId: string | null;
  readonly learnerId: string | null;
  readonly companyId: string | null;
  readonly score: number | null;
  readonly waitlistedAt: string | null;
}

export interface CompanySeatsView {
  /** null: learners without a company. */
  readonly companyId: string | null;
  /** Seats dedicated to the company; null when it has no quota. */
  readonly quota: number | null;
  readonly reserved: number;
  readonly confirmed: number;
  readonly waitlisted: number;
  readonly applications: number;
}

export interface CohortDashboardView {
  readonly cohortId: string;
  readonly title: string;
  readonly status: CohortStatus;
  readonly selectionPolicy: string;
  readonly waitlistOrder: WaitlistOrder;
  readonly capacity: number;
  readonly reserved: number;
  readonly confirmed: number;
  /** capacity − reserved − confirmed, never below 0. */
  readonly free: number;
  /** (reserved + confirmed) / capacity, 0..1, four decimals. */
  readonly fillRate: number;
  readonly waitlistLength: number;
  /** The first entries of the waitlist, in the order seats go to them. */
  readonly waitlist: readonly WaitlistEntryView[];
  readonly applicationsByStatus: readonly { readonly status: string; readonly count: number }[];
  readonly companies: readonly CompanySeatsView[];
  readonly settings: CohortSettings;
  readonly updatedAt: string;
}
