import { FieldProblems, isWellFormedId, trimmed, type Decider } from '@sooc/event-sourcing';
import type { ComplianceCommand } from './learner-erasure.commands';
import type { ComplianceEvent } from './learner-erasure.events';

export const ERASURE_REASON_MAX = 500;

export type LearnerPrivacyState =
  { readonly status: 'none' } | { readonly status: 'erased'; readonly learnerId: string; readonly erasures: number };

/** The request checked and trimmed, before anything is deleted; refused with field-level problems. */
export function normalizeErasure(request: { readonly learnerId: unknown; readonly reason: unknown }): {
  learnerId: string;
  reason: string;
} {
  const reason = trimmed(request.reason) ?? '';
  const problems = new FieldProblems();
  problems.require(isWellFormedId(request.learnerId), 'learnerId', 'COMPLIANCE.ID_INVALID', 'learnerId is required');
  problems.requireText(
    'reason',
    reason,
    { min: 1, max: ERASURE_REASON_MAX },
    'COMPLIANCE.REASON_INVALID',
    `reason is required, at most ${ERASURE_REASON_MAX} characters (a request's reference, not its content)`,
  );
  problems.throwIfAny('The erasure is invalid');
  return { learnerId: request.learnerId as string, reason };
}

/**
 * One stream per learner records each erasure. The key store deletes first and this records
 * after, so a retry after a crash between the two still records it (the key store then reports
 * 0 keys deleted for an erased learner, and a learner erased before with nothing new to delete
 * changes nothing: erasing twice is one erasure).
 */
export const learnerPrivacyDecider: Decider<ComplianceCommand, ComplianceEvent, LearnerPrivacyState> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    const { learnerId, reason } = normalizeErasure(command.data);
    const { keysDeleted } = command.data;
    if (state.status === 'erased' && keysDeleted === 0) return [];
    return [{ type: 'LearnerErased', data: { learnerId, reason, keysDeleted } }];
  },
  evolve(state, event) {
    switch (event.type) {
      case 'LearnerErased':
        return {
          status: 'erased',
          learnerId: event.data.learnerId,
          erasures: state.status === 'erased' ? state.erasures + 1 : 1,
        };
    }
  },
};
