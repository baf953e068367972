import { applicationProjection } from './application.projection';

/**
 * What the projector (and the gateway's in-process runner) run for enrollment; names are
 * checkpoint names. The reactor runs `dueOffersProjection` on its own.
 */
export const enrollmentProjections = [applicationProjection] as const;
