import { courseDrafted, recorded } from '../testing/cohort-events.fixture';
import { applyCourseEvent, courseProjection } from './course.projection';

describe('course projection', () => {
  const drafted = recorded(
    courseDrafted('course-1', 'DDD in practice'),
    3,
    'course-course-1',
    '2026-02-01T10:00:00.000Z',
  );
  const row = {
    course_id: 'course-1',
    title: 'DDD in practice',
    summary: 'Small groups, real projects.',
    language: 'en',
    topics: '["ddd","cqrs"]',
    prerequisites: '["TypeScript"]',
    selection_policy: 'review',
    default_capacity: 30,
    status: 'drafted',
    drafted_at: '2026-02-01T10:00:00.000Z',
    updated_at: '2026-02-01T10:00:00.000Z',
    last_position: '00000000000000000003',
  };

  it('creates a course row from CourseDrafted, lists as JSON text', () => {
    expect(courseProjection.keyOf(drafted)).toBe('course-1');
    expect(applyCourseEvent(null, drafted)).toEqual(row);
  });

  it('changes nothing when the draft is delivered again', () => {
    const once = applyCourseEvent(null, drafted);
    expect(applyCourseEvent(once, drafted)).toBe(once);
    const later = recorded(courseDrafted('course-1', 'Another title'), 9, 'course-course-1');
    expect(applyCourseEvent(once, later)).toEqual(row);
  });
});
