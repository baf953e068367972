import { streamName } from '@sooc/event-sourcing';

export const selectionStream = (cohortId: string) => streamName('selection', cohortId);
