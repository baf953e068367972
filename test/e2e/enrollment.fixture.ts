import { randomUUID } from 'node:crypto';
import { DashboardUpdatesPublisher } from '@sooc/cohorts-api';
import type { DomainEvent } from '@sooc/event-sourcing';
import { draftCourse, OPEN, planCohort } from './cohorts.fixture';
import type { Persona } from '@sooc/auth/testing';
import type { Harness } from './gateway.harness';

export const APPLICATION_FIELDS = `enrollmentId cohortId learnerId companyId level motivation answers { questionId answer } prerequisitesMet
  eligible unmetPrerequisites status statusReason submittedAt reviewCount averageScore offerExpiresAt promotedFromWaitlist attendedSessions`;
export const SUBMIT = `mutation Submit($input: SubmitApplicationInput!) { submitApplication(input: $input) { position application { ${APPLICATION_FIELDS} } } }`;
export const APPLICATION = `query Application($cohortId: ID!, $learnerId: ID!, $at: Position) {
  application(cohortId: $cohortId, learnerId: $learnerId, consistentWith: $at) { ${APPLICATION_FIELDS} }
}`;
export const APPLICATIONS = `query Applications($cohortId: ID!, $status: ApplicationStatus, $sort: ApplicationSort, $first: Int, $after: String, $at: Position) {
  applications(cohortId: $cohortId, status: $status, sort: $sort, first: $first, after: $after, consistentWith: $at) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { enrollmentId learnerId companyId status averageScore } }
  }
}`;
export const WITHDRAW = `mutation Withdraw($cohortId: ID!, $learnerId: ID!, $reason: String) {
  withdrawApplication(input: { cohortId: $cohortId, learnerId: $learnerId, reason: $reason }) { position application { status statusReason } }
}`;
export const ACCEPT = `mutation Accept($cohortId: ID!, $learnerId: ID!) { acceptOffer(input: { cohortId: $cohortId, learnerId: $learnerId }) { position application { status } } }`;
export const DECLINE = `mutation Decline($cohortId: ID!, $learnerId: ID!, $reason: String) {
  declineOffer(input: { cohortId: $cohortId, learnerId: $learnerId, reason: $reason }) { position application { status statusReason } }
}`;
export const DASHBOARD_FIELDS = `cohortId title capacity reserved confirmed free fillRate waitlistLength
  waitlist { position enrollmentId learnerId companyId score waitlistedAt }
  applicationsByStatus { status count }
  companies { companyId quota reserved confirmed waitlisted applications }
  settings { facilitators offerTtlHours targetGroupSize waitlistOrder sessions completionThreshold }`;
export const DASHBOARD = `query Dashboard($cohortId: ID!, $waitlistFirst: Int, $at: Position) {
  cohortDashboard(cohortId: $cohortId, waitlistFirst: $waitlistFirst, consistentWith: $at) { ${DASHBOARD_FIELDS} }
}`;

export interface Application {
  readonly enrollmentId: string;
  readonly learnerId: string | null;
  readonly companyId: string | null;
  readonly status: string;
  readonly statusReason: string | null;
  readonly promotedFromWaitlist: boolean;
  readonly [field: string]: unknown;
}

export interface Dashboard {
  readonly capacity: number;
  readonly reserved: number;
  readonly confirmed: number;
  readonly free: number;
  readonly fillRate: number;
  readonly waitlistLength: number;
  readonly waitlist: readonly { position: number; learnerId: string }[];
  readonly applicationsByStatus: readonly { status: string; count: number }[];
  readonly [field: string]: unknown;
}

/** A reviewer of the given cohorts. */
export const reviewerOf = (...cohorts: string[]): Persona => ({ role: 'reviewer', subject: 'reviewer-1', cohorts });
export const ADMIN: Persona = { role: 'admin', subject: 'admin-1' };
const ADMIN_ACTOR = { id: 'admin-1', role: 'admin' as const };

export function dossier(overrides: Record<string, unknown> = {}) {
  return {
    motivation: 'I want to build an event-sourced system with peers.',
    level: 'INTERMEDIATE',
    companyId: 'acme',
    answers: [{ questionId: 'why-now', answer: 'My team starts a project in May.' }],
    prerequisitesMet: ['TypeScript'],
    ...overrides,
  };
}

/** An open cohort through the cohorts API; its course asks for TypeScript. */
export async function openCohort(
  h: Harness,
  { selectionPolicy = 'REVIEW', capacity = 30 }: { selectionPolicy?: string; capacity?: number } = {},
): Promise<string> {
  const courseId = await draftCourse(h, { selectionPolicy, prerequisites: ['TypeScript'] });
  const cohortId = await planCohort(h, courseId, { capacity });
  const opened = await h.gql(OPEN, { cohortId });
  if (opened.errors) throw new Error(JSON.stringify(opened.errors));
  return cohortId;
}

export function submit(h: Harness, cohortId: string, learnerId: string, overrides: Record<string, unknown> = {}) {
  return h.gql<{ submitApplication: { position: string; application: Application } }>(SUBMIT, {
    input: { cohortId, learnerId, dossier: dossier(overrides) },
  });
}

export async function application(
  h: Harness,
  cohortId: string,
  learnerId: string,
  as: Persona = ADMIN,
): Promise<Application | null> {
  const result = await h.gql<{ application: Application | null }>(APPLICATION, { cohortId, learnerId }, as);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.application;
}

export async function dashboard(h: Harness, cohortId: string): Promise<Dashboard | null> {
  const result = await h.gql<{ cohortDashboard: Dashboard | null }>(DASHBOARD, { cohortId });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.cohortDashboard;
}

export const countOf = (d: Dashboard | null, status: string) =>
  d?.applicationsByStatus.find((s) => s.status === status)?.count ?? 0;

/**
 * The selection context's facts (a rubric, reviews), appended to its stream as its handlers
 * would, so these specs do not depend on the selection API's inputs. Returns the last position.
 */
export async function appendSelectionFacts(
  h: Harness,
  cohortId: string,
  events: readonly DomainEvent[],
): Promise<bigint> {
  const metadata = {
    occurredAt: new Date().toISOString(),
    actor: ADMIN_ACTOR,
    correlationId: randomUUID(),
    causationId: null,
    schemaVersion: 1,
  };
  const appended = events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data, metadata }));
  const result = await h.gateway.infrastructure.eventStore.append(`selection-${cohortId}`, appended, {
    expectedRevision: 'any',
  });
  await h.gateway.infrastructure.readModels.waitForPosition(result.position, 10_000);
  return result.position;
}

/** Resolves once the server has registered a dashboard subscription, so no update can slip past it. */
export async function dashboardWatched(h: Harness, cohortId: string, stop = () => false): Promise<void> {
  const publisher = h.gateway.app.get(DashboardUpdatesPublisher);
  for (let waited = 0; publisher.watchers(cohortId) === 0 && !stop(); waited += 10) {
    if (waited > 10_000) throw new Error(`no dashboard subscription to ${cohortId} registered`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A subscription over a real graphql-ws connection, read one message at a time. */
export function subscribe<T>(h: Harness, query: string, variables: Record<string, unknown>) {
  const client = h.wsClient();
  const queue: T[] = [];
  const waiting: ((message: T) => void)[] = [];
  let failure: unknown = null;
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (message) => {
        if (message.errors) failure = message.errors;
        const waiter = waiting.shift();
        if (waiter) waiter(message.data as T);
        else queue.push(message.data as T);
      },
      error: (error) => (failure = error),
      complete: () => undefined,
    },
  );
  return {
    unsubscribe,
    next(): Promise<T> {
      if (failure) return Promise.reject(failure);
      const queued = queue.shift();
      return queued ? Promise.resolve(queued) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}
