/** How a freed seat picks the next learner: arrival order (first-come) or review score (review). */
export type WaitlistOrder = 'arrival' | 'score';

/** Self-assessed by the learner in the dossier; groups are balanced on it. */
export type LearnerLevel = 'beginner' | 'intermediate' | 'advanced';

export const LEARNER_LEVELS: readonly LearnerLevel[] = ['beginner', 'intermediate', 'advanced'];

/** The knobs of a cohort that are not part of its plan; every one has a sensible default. */
export interface CohortSettings {
  /** Ids of the people who run the sessions (facilitator role). */
  readonly facilitators: readonly string[];
  /** How long a seat offer stays open before it expires and goes to the next learner. */
  readonly offerTtlHours: number;
  /** Size `formGroups` aims at when the admin gives none. */
  readonly targetGroupSize: number;
  readonly waitlistOrder: WaitlistOrder;
  /** Planned sessions; attendance is recorded for sessions 1..sessions. */
  readonly sessions: number;
  /** Share of sessions (0 < t ≤ 1) a learner must attend to complete; below it they are dropped. */
  readonly completionThreshold: number;
}

export const SETTINGS_LIMITS = {
  facilitatorsMax: 20,
  offerTtlHoursMin: 1,
  offerTtlHoursMax: 24 * 30,
  groupSizeMin: 2,
  groupSizeMax: 12,
  sessionsMin: 1,
  sessionsMax: 200,
} as const;

/** Cohorts planned before settings existed fold to these, so old streams need no migration. */
export function defaultCohortSettings(selectionPolicy: 'first-come' | 'review'): CohortSettings {
  return {
    facilitators: [],
    offerTtlHours: 72,
    targetGroupSize: 5,
    waitlistOrder: selectionPolicy === 'review' ? 'score' : 'arrival',
    sessions: 10,
    completionThreshold: 0.7,
  };
}
