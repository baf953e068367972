import type { CourseDraftedData } from './course.events';

export type CourseState = { readonly status: 'none' } | ({ readonly status: 'drafted' } & CourseDraftedData);
