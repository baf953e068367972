/** An open seat offer, in table `due_offers`: the reactor's to-do list of offers to expire. */
export type DueOfferRow = {
  enrollment_id: string;
  cohort_id: string;
  learner_id: string;
  expires_at: string;
  last_position: string;
};

export interface DueOfferView {
  readonly enrollmentId: string;
  readonly cohortId: string;
  readonly learnerId: string;
  readonly expiresAt: string;
}
