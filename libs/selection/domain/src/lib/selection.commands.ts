import type { Command } from '@sooc/event-sourcing';
import type { ExistingCohort, SelectionPolicy } from '@sooc/cohorts-domain';
import type { LearnerLevel } from '@sooc/cohorts-domain';
import type { EnrollmentStatus } from '@sooc/enrollment-domain';
import type { Criterion, Decision } from './selection.events';

/** The application as the handler read it from its enrollment stream (null: no such application). */
export interface ApplicationSnapshot {
  readonly enrollmentId: string;
  readonly learnerId: string;
  readonly status: EnrollmentStatus;
  readonly companyId: string | null;
  readonly level: LearnerLevel;
}

type CohortId = { readonly cohortId: string };

export type DefineRubric = Command<
  'DefineRubric',
  CohortId & {
    readonly criteria: readonly Criterion[];
    readonly blind: boolean;
    readonly reviewsRequired: number;
    readonly selectionPolicy: SelectionPolicy;
  }
>;
export type ReviewApplication = Command<
  'ReviewApplication',
  CohortId & {
    readonly enrollmentId: string;
    readonly reviewerId: string;
    readonly scores: Readonly<Record<string, number>>;
    readonly comment: string | null;
    readonly application: ApplicationSnapshot | null;
  }
>;
export type DecideApplication = Command<
  'DecideApplication',
  CohortId & {
    readonly enrollmentId: string;
    readonly decision: Decision;
    readonly reason: string;
    /** Fresh from the event store, so the decision is quota-aware and its record exact. */
    readonly application: ApplicationSnapshot | null;
    /**
     * The cohort as folded from its stream (policy and seat ledger). The decider adds this
     * round's decisions the ledger has not applied yet, so the record is the ledger the decision
     * will be applied to (selection.seats.ts).
     */
    readonly cohort: ExistingCohort;
    /** Id for the decision, made by the handler so a retried request can repeat it. */
    readonly decisionId: string;
  }
>;

export type SelectionCommand = DefineRubric | ReviewApplication | DecideApplication;
