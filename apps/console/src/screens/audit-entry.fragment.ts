import { graphql } from '../gql';

/**
 * What the audit trail list shows of an entry (AuditEntryView): the cohort's and the learner's
 * timelines both select it. A spread costs the gateway what these fields written out would.
 */
export const AUDIT_ENTRY_FIELDS = graphql(`
  fragment ConsoleAuditEntry on AuditEntry {
    position
    occurredAt
    type
    summary
    reason
    learnerId
    actor {
      id
      role
    }
  }
`);
