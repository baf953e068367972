import type { CohortCommand } from '@sooc/cohorts-domain';
import type { EnrollmentCommand } from '@sooc/enrollment-domain';

type Unsent<C extends { metadata: unknown }> = Omit<C, 'metadata'>;

/**
 * A command a process manager wants sent, and to which aggregate. The reactor runs it through
 * the same load → decide → append path as the gateway, with the triggering event as causation.
 */
export type Reaction =
  | { readonly aggregate: 'cohort'; readonly streamId: string; readonly command: Unsent<CohortCommand> }
  | { readonly aggregate: 'enrollment'; readonly streamId: string; readonly command: Unsent<EnrollmentCommand> };
