import type { DomainEvent } from '@sooc/event-sourcing';

/**
 * A learner's personal data was erased: their key is gone, so every sealed copy of their name,
 * e-mail, motivation and answers reads `[erased]`. Holds no personal data itself; the decisions
 * about them stay in the history.
 */
export type LearnerErased = DomainEvent<
  'LearnerErased',
  {
    readonly learnerId: string;
    /** Why, as the compliance officer recorded it (a request's reference, not its content). */
    readonly reason: string;
    /** Keys deleted by this erasure: more than one only when the learner applied again after one. */
    readonly keysDeleted: number;
  }
>;

export type ComplianceEvent = LearnerErased;
