import { partnerEnrollmentProjection } from './partner-enrollment.projection';
import { partnerFeedProjection } from './partner-feed.projection';
import { partnerProjection } from './partner.projection';
import { webhookEndpointProjection } from './webhook-endpoint.projection';

/** What the projector (and the gateway's in-process runner) run for partners; names are checkpoint names. */
export const partnersProjections = [
  partnerProjection,
  webhookEndpointProjection,
  partnerEnrollmentProjection,
  partnerFeedProjection,
] as const;
