import { auditProjection } from './audit.projection';

/** What the projector (and the gateway's in-process runner) run for compliance; names are checkpoint names. */
export const complianceProjections = [auditProjection] as const;
