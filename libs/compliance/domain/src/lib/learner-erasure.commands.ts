import type { Command } from '@sooc/event-sourcing';

/** Sent once the key store deleted the learner's keys (`keysDeleted` of them, 0 when erased before). */
export type RecordErasure = Command<
  'RecordErasure',
  { readonly learnerId: string; readonly reason: string; readonly keysDeleted: number }
>;

export type ComplianceCommand = RecordErasure;
