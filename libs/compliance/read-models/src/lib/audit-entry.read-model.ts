/** One event of any context, as the audit trail shows it: who, when, as part of what, about whom. */
export type AuditEntryRow = {
  /** The event's position (20-digit key): the order of the trail and its cursor. */
  position: string;
  event_id: string;
  occurred_at: string;
  type: string;
  stream_id: string;
  actor_id: string;
  actor_role: string;
  correlation_id: string;
  causation_id: string | null;
  cohort_id: string | null;
  learner_id: string | null;
  enrollment_id: string | null;
  summary: string;
  reason: string | null;
  /** The event's data, JSON. */
  data: string;
};
