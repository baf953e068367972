import { streamName } from '@sooc/event-sourcing';

/** One stream per partner company: its registration, status and webhook endpoints. */
export const partnerStream = (partnerId: string) => streamName('partner', partnerId);
