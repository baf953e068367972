import { SPEC_NOW, type Actor } from '@sooc/event-sourcing';
import type { EnrollmentStatus } from '@sooc/enrollment-domain';
import type {
  ApplicationSnapshot,
  DecideApplication,
  DefineRubric,
  ReviewApplication,
} from '../lib/selection.commands';
import type {
  ApplicationDecided,
  ApplicationReviewed,
  Criterion,
  Decision,
  DecisionRecord,
  RubricDefined,
  SeatSnapshot,
} from '../lib/selection.events';

export const cohortId = 'c-spring';
export const ADMIN: Actor = { id: 'admin-1', role: 'admin' };
export const enrollmentOf = (learnerId: string) => `${cohortId}-${learnerId}`;
export const ADA = enrollmentOf('l-ada');
export const BOB = enrollmentOf('l-bob');
export const CY = enrollmentOf('l-cy');

export const criteria: readonly Criterion[] = [
  { id: 'motivation', label: 'Motivation', weight: 2 },
  { id: 'fit', label: 'Fit with the course', weight: 1 },
];
export const rubricDefined: RubricDefined = {
  type: 'RubricDefined',
  data: { cohortId, version: 1, criteria, blind: true, reviewsRequired: 2 },
};

export function application(enrollmentId = ADA, status: EnrollmentStatus = 'submitted'): ApplicationSnapshot {
  return {
    enrollmentId,
    learnerId: enrollmentId.slice(cohortId.length + 1),
    status,
    companyId: 'acme',
    level: 'intermediate',
  };
}

/** Scores as motivation/fit; `score` is given by hand in each fixture so the specs check the arithmetic. */
export function reviewed(
  enrollmentId: string,
  reviewerId: string,
  motivation: number,
  fit: number,
  score: number,
  comment: string | null = null,
  rubricVersion = 1,
): ApplicationReviewed {
  return {
    type: 'ApplicationReviewed',
    data: { cohortId, enrollmentId, reviewerId, rubricVersion, scores: { motivation, fit }, score, comment },
  };
}

export const seats: SeatSnapshot = {
  capacity: 30,
  reserved: 10,
  confirmed: 5,
  free: 15,
  waitlisted: 0,
  quota: null,
  freeInPool: 15,
};
export const fullQuota: SeatSnapshot = { ...seats, quota: { companyId: 'acme', seats: 5, used: 5 }, freeInPool: 0 };
export const fullCohort: SeatSnapshot = { ...seats, reserved: 25, free: 0, waitlisted: 3, freeInPool: 0 };

const metadata = { now: SPEC_NOW, actor: ADMIN };

export function defineRubric(overrides: Partial<Record<keyof DefineRubric['data'], unknown>> = {}): DefineRubric {
  return {
    type: 'DefineRubric',
    data: {
      cohortId,
      criteria,
      blind: true,
      reviewsRequired: 2,
      selectionPolicy: 'review',
      ...overrides,
    } as DefineRubric['data'],
    metadata,
  };
}

export function review(
  reviewerId: string,
  scores: Record<string, unknown>,
  options: { enrollmentId?: string; comment?: string | null; application?: ApplicationSnapshot | null } = {},
): ReviewApplication {
  const enrollmentId = options.enrollmentId ?? ADA;
  return {
    type: 'ReviewApplication',
    data: {
      cohortId,
      enrollmentId,
      reviewerId,
      scores: scores as Record<string, number>,
      comment: options.comment ?? null,
      application: options.application === undefined ? application(enrollmentId) : options.application,
    },
    metadata: { now: SPEC_NOW, actor: { id: reviewerId, role: 'reviewer' } },
  };
}

export function decide(decision: Decision, overrides: Partial<DecideApplication['data']> = {}): DecideApplication {
  return {
    type: 'DecideApplication',
    data: {
      cohortId,
      enrollmentId: ADA,
      decision,
      reason: 'strong motivation',
      application: application(),
      seats,
      selectionPolicy: 'review',
      decisionId: 'd-1',
      ...overrides,
    },
    metadata,
  };
}

export function decided(
  decision: Decision,
  record: DecisionRecord,
  enrollmentId = ADA,
  decisionId = 'd-1',
): ApplicationDecided {
  return {
    type: 'ApplicationDecided',
    data: {
      cohortId,
      enrollmentId,
      learnerId: enrollmentId.slice(cohortId.length + 1),
      companyId: 'acme',
      level: 'intermediate',
      decisionId,
      decision,
      reason: 'strong motivation',
      decidedBy: ADMIN,
      record,
    },
  };
}
