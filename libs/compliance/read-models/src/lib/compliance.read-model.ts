import type { Kysely } from 'kysely';
import type { AuditEntryRow } from './audit-entry.read-model';

/** The tables this library owns, for `Kysely<ComplianceDatabase>`. */
export interface ComplianceDatabase {
  audit_entries: AuditEntryRow;
}

/** What the queries take; the read-store's `Kysely<any>` is assignable to it. */
export type ComplianceReadDb = Kysely<ComplianceDatabase>;
