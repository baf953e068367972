import { randomUUID } from 'node:crypto';
import { enrollmentIdOf } from '@sooc/enrollment-domain/published';
import { outcomeOf, type CommandRunner } from '@sooc/nest';
import { selectionDecider, selectionStream, type DecideApplication, type Decision } from '@sooc/selection-domain';
import { applicationOf, existingCohort } from './cohort.seats';
import { decidedApplications } from './decided-applications.fold';
import type { DecisionOutcome, DecisionView } from './selection.outcomes';
import { decisionWritten } from './selection.results';

export interface DecideApplicationInput {
  readonly cohortId: string;
  readonly learnerId: string;
  readonly decision: Decision;
  readonly reason: string;
}

/**
 * The cohort is read just before deciding, as the cohorts context publishes it, and handed to the
 * decider, which adds this round's decisions its ledger has not applied yet: the decision is
 * quota-aware and its record is the ledger it will be applied to. A fresh decision id each time: a retried
 * request that repeats a decision writes nothing and gets the decision already taken.
 */
export async function decideApplication(
  runner: CommandRunner,
  { cohortId, learnerId, decision, reason }: DecideApplicationInput,
): Promise<DecisionOutcome> {
  const [cohort, application] = await Promise.all([
    existingCohort(runner, cohortId),
    applicationOf(runner, cohortId, learnerId),
  ]);
  const enrollmentId = enrollmentIdOf(cohortId, learnerId);
  const command: Omit<DecideApplication, 'metadata'> = {
    type: 'DecideApplication',
    data: {
      cohortId,
      enrollmentId,
      decision,
      reason,
      application,
      cohort,
      decisionId: randomUUID(),
    },
  };
  const result = await runner.run(selectionDecider, selectionStream(cohortId), command);
  const written = decisionWritten(result, enrollmentId);
  return { ...outcomeOf(result), decision: written ?? (await decisionTaken(runner, cohortId, enrollmentId)) };
}

async function decisionTaken(runner: CommandRunner, cohortId: string, enrollmentId: string): Promise<DecisionView> {
  const decision = (await runner.load(decidedApplications, selectionStream(cohortId)))[enrollmentId];
  if (!decision) throw new Error(`The decision on ${enrollmentId} is missing after a successful command`);
  return decision;
}
