import { streamName } from '@sooc/event-sourcing';

/** The learner's privacy record: their erasures. */
export const learnerPrivacyStream = (learnerId: string) => streamName('learnerPrivacy', learnerId);
