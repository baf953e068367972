import type { ApplicationRow } from './application.read-model';
import type { DueOfferRow } from './due-offers.read-model';
import type { Kysely } from 'kysely';

/** The tables this library owns, for `Kysely<EnrollmentDatabase>`. */
export interface EnrollmentDatabase {
  applications: ApplicationRow;
  due_offers: DueOfferRow;
}

/** What the queries take; the read-store's `Kysely<any>` is assignable to it. */
export type EnrollmentReadDb = Kysely<EnrollmentDatabase>;
