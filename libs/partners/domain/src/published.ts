/**
 * The partners context's published language, the only entry other contexts may import
 * (`@sooc/partners-domain/published`; eslint.config.mjs enforces it): its events and the values
 * they carry, its stream names, and the catalogue of the feed's CloudEvents types.
 */
export type * from './lib/partner.events';
export { PARTNER_EVENT_TYPES } from './lib/partner.event-types';
export { partnerStream } from './lib/streams';
export {
  PARTNER_FEED_EVENT_TYPES,
  isPartnerFeedEventType,
  receivesEventType,
  type PartnerFeedEventType,
  type WebhookEventTypes,
} from './lib/partner-feed.event-types';
export { PARTNER_SECRET_DATA } from './lib/partner.personal-data';
export { PARTNER_UPCASTERS } from './lib/partner.upcasters';
