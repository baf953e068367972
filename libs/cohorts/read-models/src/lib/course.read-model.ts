/** One row per course in table `courses`; list columns hold JSON arrays as text. */
export type CourseRow = {
  course_id: string;
  title: string;
  summary: string;
  language: string;
  /** JSON array of strings. */
  topics: string;
  /** JSON array of strings. */
  prerequisites: string;
  selection_policy: string;
  default_capacity: number;
  status: 'drafted';
  drafted_at: string;
  updated_at: string;
  last_position: string;
};
