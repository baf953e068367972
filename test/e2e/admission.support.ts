import { cohortDecider, cohortStream, type CohortEvent, type CohortState } from '@sooc/cohorts-domain';
import { fold } from '@sooc/event-sourcing';
import { draftCourse, OPEN, planCohort } from './cohorts.fixture';
import type { Harness } from './gateway.harness';

export const SUBMIT = `mutation Submit($input: SubmitApplicationInput!) {
  submitApplication(input: $input) { position application { enrollmentId learnerId status } }
}`;
export const WITHDRAW = `mutation Withdraw($cohortId: ID!, $learnerId: ID!) {
  withdrawApplication(input: { cohortId: $cohortId, learnerId: $learnerId, reason: "changed my mind" }) { position application { status } }
}`;
export const DASHBOARD = `query Dashboard($cohortId: ID!, $waitlistFirst: Int) {
  cohortDashboard(cohortId: $cohortId, waitlistFirst: $waitlistFirst) {
    capacity reserved confirmed free waitlistLength
    waitlist { position learnerId }
  }
}`;

export interface Dashboard {
  readonly capacity: number;
  readonly reserved: number;
  readonly confirmed: number;
  readonly free: number;
  readonly waitlistLength: number;
  readonly waitlist: readonly { position: number; learnerId: string }[];
}

export function submission(cohortId: string, learnerId: string, companyId: string | null = null) {
  return {
    input: {
      cohortId,
      learnerId,
      dossier: {
        motivation: `I want to learn, says ${learnerId}`,
        level: 'INTERMEDIATE',
        companyId,
        answers: [],
        prerequisitesMet: [],
      },
    },
  };
}

/** An open first-come cohort of a course without prerequisites, through the API. */
export async function openFirstComeCohort(h: Harness, capacity: number): Promise<string> {
  const courseId = await draftCourse(h, { selectionPolicy: 'FIRST_COME', prerequisites: [] });
  const cohortId = await planCohort(h, courseId, { capacity });
  const opened = await h.gql(OPEN, { cohortId });
  if (opened.errors) throw new Error(JSON.stringify(opened.errors));
  return cohortId;
}

export async function dashboard(h: Harness, cohortId: string): Promise<Dashboard> {
  const result = await h.gql<{ cohortDashboard: Dashboard }>(DASHBOARD, { cohortId, waitlistFirst: 1000 });
  if (result.errors || !result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.cohortDashboard;
}

/**
 * Waits until the system is quiet: nothing new in the store for a while, and the read models
 * have applied everything in it (the reactor's commands are events too, so quiet means done).
 */
export async function settled(h: Harness, quietMs = 600): Promise<void> {
  const store = h.gateway.infrastructure.eventStore;
  let head = await store.headPosition();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = await store.headPosition();
    if (now === head) break;
    head = now;
  }
  if (head !== null) await h.gateway.infrastructure.readModels.waitForPosition(head, 20_000);
}

/** The cohort's seat ledger as the event store has it: the truth the read model must equal. */
export async function ledgerOf(h: Harness, cohortId: string): Promise<CohortState> {
  const events = await h.gateway.infrastructure.eventStore.readStream(cohortStream(cohortId));
  return fold(cohortDecider, events as unknown as CohortEvent[]);
}
