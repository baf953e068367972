import type { ComplianceEvent } from './learner-erasure.events';

/** Every event type of the union, at run time (the audit trail reads them all). */
export const COMPLIANCE_EVENT_TYPES = ['LearnerErased'] as const satisfies readonly ComplianceEvent['type'][];

type Missing = Exclude<ComplianceEvent['type'], (typeof COMPLIANCE_EVENT_TYPES)[number]>;
/** Compiles only while nothing is missing. */
export const COMPLIANCE_EVENT_TYPES_COMPLETE: [Missing] extends [never] ? true : Missing = true;
