import type { Command } from '@sooc/event-sourcing';
import type { CohortSeats, SelectionPolicy } from '@sooc/cohorts-domain/published';
import type { ApplicationSnapshot } from '@sooc/enrollment-domain/published';
import type { Criterion, Decision } from './selection.events';

/** The application as the handler read it from its enrollment stream (null: no such application). */
export type { ApplicationSnapshot };

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
     * The cohort as the cohorts context publishes it (policy, seats, and what an admission would
     * meet). The decider adds this round's decisions the ledger has not applied yet, so the
     * record is the ledger the decision will be applied to (selection.seats.ts).
     */
    readonly cohort: CohortSeats;
    /** Id for the decision, made by the handler so a retried request can repeat it. */
    readonly decisionId: string;
  }
>;

export type SelectionCommand = DefineRubric | ReviewApplication | DecideApplication;
