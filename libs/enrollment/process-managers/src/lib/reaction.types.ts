import type { EnrollmentCommand } from '@sooc/enrollment-domain';

type Unsent<C extends { metadata: unknown }> = Omit<C, 'metadata'>;

/**
 * A command the enrollment's process managers want sent to an enrollment. The reactor runs it
 * through the same load → decide → append path as the gateway, with the triggering event as
 * causation.
 */
export interface EnrollmentReaction {
  readonly aggregate: 'enrollment';
  readonly streamId: string;
  readonly command: Unsent<EnrollmentCommand>;
}
