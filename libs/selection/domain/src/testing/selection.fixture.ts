import {
  cohortDecider,
  cohortSeatsQuery,
  OPEN_POOL,
  type CohortEvent,
  type CohortState,
  type ExistingCohort,
} from '@sooc/cohorts-domain';
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

type SeatEvent = Extract<CohortEvent, { type: 'SeatReserved' | 'SeatConfirmed' | 'ApplicantWaitlisted' }>;
const seat = (i: number, companyId: string | null = null) => ({
  cohortId,
  enrollmentId: enrollmentOf(`s${i}`),
  learnerId: `s${i}`,
  companyId,
  level: 'beginner' as const,
  pool: companyId ?? OPEN_POOL,
});
const taken = (i: number, companyId: string | null = null): SeatEvent => ({
  type: 'SeatReserved',
  data: { ...seat(i, companyId), offerExpiresAt: '2026-03-06T09:00:00.000Z', promoted: false, reason: 'seat free' },
});
const confirmedSeat = (i: number): SeatEvent => ({
  type: 'SeatConfirmed',
  data: { cohortId, enrollmentId: enrollmentOf(`s${i}`), learnerId: `s${i}` },
});
const waiting = (i: number): SeatEvent => ({
  type: 'ApplicantWaitlisted',
  data: { ...seat(i), score: null, reason: 'no free seat' },
});
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

/** A review cohort of 30 seats as its stream folds: the decider reads its policy and its seat ledger. */
export function cohortOf(...events: readonly CohortEvent[]): ExistingCohort {
  const planned: CohortEvent = {
    type: 'CohortPlanned',
    data: {
      cohortId,
      courseId: 'course-ddd',
      title: 'Spring',
      capacity: 30,
      applicationWindow: { opensAt: '2026-03-01T00:00:00.000Z', closesAt: '2026-04-01T00:00:00.000Z' },
      startsOn: '2026-04-01',
      endsOn: '2026-05-31',
      selectionPolicy: 'review',
    },
  };
  const opened: CohortEvent = { type: 'ApplicationsOpened', data: { cohortId } };
  const state = [planned, opened, ...events].reduce(cohortDecider.evolve, cohortDecider.initialState());
  if (state.status === 'none') throw new Error('planned above');
  return state;
}

const acmeQuota = (seats: number): CohortEvent => ({
  type: 'CompanyQuotaSet',
  data: { cohortId, companyId: 'acme', seats, previous: 0 },
});
/** 15 of 30 seats taken (5 confirmed): the `seats` below, for ada of acme (no quota). */
export const openCohort = cohortOf(...range(1, 15).map((i) => taken(i)), ...range(1, 5).map(confirmedSeat));
/** The same, acme's quota of 5 used up: `fullQuota`. */
export const quotaUsedCohort = cohortOf(
  acmeQuota(5),
  ...range(1, 5).map((i) => taken(i, 'acme')),
  ...range(6, 15).map((i) => taken(i)),
  ...range(1, 5).map(confirmedSeat),
);
/** Every seat taken and three waiting: `fullCohort`. */
export const fullCohortState = cohortOf(
  ...range(1, 30).map((i) => taken(i)),
  ...range(1, 5).map(confirmedSeat),
  ...range(31, 33).map(waiting),
);
/** A cohort of 30 with acme's quota of `quota` and nobody seated yet. */
export const emptyCohort = (quota = 0) => cohortOf(...(quota > 0 ? [acmeQuota(quota)] : []));

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

type DecideOverrides = Partial<Omit<DecideApplication['data'], 'cohort'>> & { readonly cohort?: CohortState };

/** The cohort given as its folded state, handed to the decider as the cohorts context publishes it. */
export function decide(
  decision: Decision,
  { cohort = openCohort, ...overrides }: DecideOverrides = {},
): DecideApplication {
  return {
    type: 'DecideApplication',
    data: {
      cohortId,
      enrollmentId: ADA,
      decision,
      reason: 'strong motivation',
      application: application(),
      cohort: cohortSeatsQuery.view(cohort),
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
