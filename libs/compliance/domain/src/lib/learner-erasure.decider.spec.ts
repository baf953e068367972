import { DeciderSpecification } from '@sooc/event-sourcing';
import { learnerPrivacyDecider } from './learner-erasure.decider';
import type { RecordErasure } from './learner-erasure.commands';
import type { LearnerErased } from './learner-erasure.events';

const spec = DeciderSpecification(learnerPrivacyDecider);
const erase = (
  keysDeleted: number,
  reason = 'GDPR request #4411',
  learnerId = 'ada',
): Omit<RecordErasure, 'metadata'> => ({
  type: 'RecordErasure',
  data: { learnerId, reason, keysDeleted },
});
const erased = (keysDeleted: number, reason = 'GDPR request #4411'): LearnerErased => ({
  type: 'LearnerErased',
  data: { learnerId: 'ada', reason, keysDeleted },
});

describe('learner privacy decider', () => {
  it('records the first erasure with the keys it deleted and the reason, trimmed', () => {
    spec
      .given([])
      .when(erase(1, '  GDPR request #4411 '))
      .then([erased(1)]);
  });

  it('records an erasure whose keys were deleted by an attempt that crashed before recording it', () => {
    spec
      .given([])
      .when(erase(0))
      .then([erased(0)]);
  });

  it('changes nothing when the learner is erased again with nothing left to delete', () => {
    spec
      .given([erased(1)])
      .when(erase(0))
      .thenNothing();
  });

  it('records a second erasure when the learner applied again after the first', () => {
    spec
      .given([erased(1)])
      .when(erase(1, 'second request'))
      .then([erased(1, 'second request')]);
  });

  it('refuses an erasure without a reason, or with a reason longer than 500 characters', () => {
    spec.given([]).when(erase(1, '   ')).thenThrows('COMPLIANCE.REASON_INVALID', 'validation');
    spec
      .given([])
      .when(erase(1, 'x'.repeat(501)))
      .thenThrows('COMPLIANCE.REASON_INVALID', 'validation');
  });

  it('refuses a malformed learner id', () => {
    spec
      .given([])
      .when(erase(1, 'why', ' ada'))
      .thenThrows('COMPLIANCE.ID_INVALID', 'validation');
  });
});
