import {
  learnerPrivacyDecider,
  learnerPrivacyStream,
  normalizeErasure,
  type ComplianceEvent,
  type LearnerPrivacyState,
} from '@sooc/compliance-domain';
import { NotFoundError, type CommandResult } from '@sooc/event-sourcing';
import type { CommandRunner } from '@sooc/nest';

/** What erasure needs of the key store (KeyStore in @sooc/personal-data, or a KMS later). */
export interface ErasableKeys {
  statusOf(subject: string): Promise<'active' | 'erased' | 'unknown'>;
  erase(subject: string, at: Date): Promise<{ readonly keysDeleted: number }>;
}

export interface ErasureOutcome {
  readonly learnerId: string;
  readonly keysDeleted: number;
  /** Erased before, and nothing was left to delete or record. */
  readonly alreadyErased: boolean;
  readonly result: CommandResult<ComplianceEvent, LearnerPrivacyState>;
}

/**
 * Checks the request, deletes the learner's keys, then records LearnerErased. In that order: a
 * crash after the deletion leaves the learner `erased` in the key store, and the retry records
 * it; recording first could leave a recorded erasure whose key still opens the data.
 */
export async function eraseLearner(
  runner: CommandRunner,
  keys: ErasableKeys,
  now: Date,
  request: { readonly learnerId: string; readonly reason: string },
): Promise<ErasureOutcome> {
  const { learnerId, reason } = normalizeErasure(request);
  if ((await keys.statusOf(learnerId)) === 'unknown')
    throw new NotFoundError(
      'LEARNER.NOT_FOUND',
      `No personal data of learner ${learnerId} is held (nobody applied under this id): check the id`,
      { learnerId },
    );
  const { keysDeleted } = await keys.erase(learnerId, now);
  const result = await runner.run(learnerPrivacyDecider, learnerPrivacyStream(learnerId), {
    type: 'RecordErasure',
    data: { learnerId, reason, keysDeleted },
  });
  return { learnerId, keysDeleted, alreadyErased: result.events.length === 0, result };
}
