import type { Command } from '@sooc/event-sourcing';
import type { CourseDraftedData } from './course.events';

export type DraftCourse = Command<'DraftCourse', CourseDraftedData>;

export type CourseCommand = DraftCourse;
