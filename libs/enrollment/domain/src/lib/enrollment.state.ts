import type { SelectionPolicy } from '@sooc/cohorts-domain/published';
import type { Dossier, EnrollmentRef } from './enrollment.events';

/**
 * submitted (eligible, awaiting a decision or a seat) | ineligible → admitted | rejected | waitlisted
 * → offered → enrolled → completed | dropped; declined and expired end an offer; withdrawn at any
 * point before completion; cancelled when the cohort is.
 */
export type EnrollmentStatus =
  | 'submitted'
  | 'ineligible'
  | 'admitted'
  | 'rejected'
  | 'waitlisted'
  | 'offered'
  | 'enrolled'
  | 'declined'
  | 'expired'
  | 'completed'
  | 'dropped'
  | 'withdrawn'
  | 'cancelled'
  | 'not-admitted';

export interface EnrollmentRecord extends EnrollmentRef {
  readonly dossier: Dossier;
  readonly selectionPolicy: SelectionPolicy;
  readonly unmetPrerequisites: readonly string[];
  /** Set while an offer is open (status offered) and kept after, for the record. */
  readonly offerExpiresAt: string | null;
  /** session number → attended. */
  readonly attendance: Readonly<Record<string, boolean>>;
  /** The selection decision applied (null until one is): a replayed RecordDecision repeats it and changes nothing. */
  readonly decisionId: string | null;
}

export type EnrollmentState = { readonly status: 'none' } | ({ readonly status: EnrollmentStatus } & EnrollmentRecord);

/** Statuses from which nothing moves any more. */
export const FINAL_ENROLLMENT_STATUSES: readonly EnrollmentStatus[] = [
  'ineligible',
  'rejected',
  'declined',
  'expired',
  'completed',
  'dropped',
  'withdrawn',
  'cancelled',
  'not-admitted',
];

export type ExistingEnrollment = Exclude<EnrollmentState, { status: 'none' }>;

export function isFinalEnrollmentStatus(status: EnrollmentState['status']): boolean {
  return (FINAL_ENROLLMENT_STATUSES as readonly string[]).includes(status);
}
