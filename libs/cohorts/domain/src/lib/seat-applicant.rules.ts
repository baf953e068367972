import { FieldProblems, isWellFormedId } from '@sooc/event-sourcing';
import { LEARNER_LEVELS, type LearnerLevel } from './cohort-settings';
import type { Applicant, SeatReleaseReason } from './seat-ledger.types';

export const SEAT_RELEASE_REASONS: readonly SeatReleaseReason[] = [
  'withdrawn',
  'declined',
  'expired',
  'cancelled',
  'not-admitted',
];

/** Review scores are reported on 0..100 (selection's weighted mean). */
export const APPLICANT_SCORE_MAX = 100;

/** The applicant arrives from another context's events: check it as untrusted input all the same. */
export function checkApplicant(applicant: Applicant, score: number | null, subject: string): void {
  const problems = new FieldProblems();
  const a: Partial<Record<keyof Applicant, unknown>> =
    typeof applicant === 'object' && applicant !== null ? applicant : {};
  const code = 'COHORT.APPLICANT_INVALID';
  problems.require(
    isWellFormedId(a.enrollmentId),
    'applicant.enrollmentId',
    code,
    'applicant.enrollmentId is required, without surrounding blanks',
  );
  problems.require(
    isWellFormedId(a.learnerId),
    'applicant.learnerId',
    code,
    'applicant.learnerId is required, without surrounding blanks',
  );
  problems.require(
    a.companyId === null || isWellFormedId(a.companyId),
    'applicant.companyId',
    code,
    'applicant.companyId is null or an id without surrounding blanks',
  );
  problems.require(
    LEARNER_LEVELS.includes(a.level as LearnerLevel),
    'applicant.level',
    code,
    `applicant.level is one of ${LEARNER_LEVELS.join(', ')}`,
  );
  problems.require(
    score === null ||
      (typeof score === 'number' && Number.isFinite(score) && score >= 0 && score <= APPLICANT_SCORE_MAX),
    'score',
    'COHORT.SCORE_INVALID',
    `score is null or a number from 0 to ${APPLICANT_SCORE_MAX}`,
  );
  problems.throwIfAny(subject);
}

export function checkRelease(enrollmentId: string, reason: SeatReleaseReason): void {
  const problems = new FieldProblems();
  problems.require(
    isWellFormedId(enrollmentId),
    'enrollmentId',
    'COHORT.ENROLLMENT_ID_INVALID',
    'enrollmentId is required, without surrounding blanks',
  );
  problems.require(
    SEAT_RELEASE_REASONS.includes(reason),
    'reason',
    'COHORT.RELEASE_REASON_INVALID',
    `reason is one of ${SEAT_RELEASE_REASONS.join(', ')}`,
  );
  problems.throwIfAny('The seat cannot be released');
}
