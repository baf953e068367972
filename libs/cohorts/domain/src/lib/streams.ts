import { streamName } from '@sooc/event-sourcing';

export const courseStream = (courseId: string) => streamName('course', courseId);
export const cohortStream = (cohortId: string) => streamName('cohort', cohortId);
