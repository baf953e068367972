import type { CohortEvent, CourseEvent } from '@sooc/cohorts-domain';
import { ValidationError, type RecordedEvent } from '@sooc/event-sourcing';
import {
  applicationsClosed,
  applicationsOpened,
  capacityChanged,
  cohortCancelled,
  cohortPlanned,
  cohortStarted,
  courseDrafted,
  recorded,
} from '../testing/cohort-events.fixture';
import { project } from '@sooc/read-store/testing';
import { migratedDatabase, testDialects, type MigratedDatabase } from '../testing/read-db.fixture';
import { cohortProjection } from './cohort.projection';
import { encodeCohortCursor } from './cohort.cursor';
import { findCohort, listCohorts } from './cohort.query';
import type { CohortsDatabase } from './cohorts.read-model';
import { courseProjection } from './course.projection';
import { courseList, findCourse } from './course.query';
import type { Kysely } from 'kysely';

/**
 * Cohorts c1..c7 planned in that order (positions 10, 20, … 70), interleaved with lifecycle
 * events so that plan order differs from the order of last change. c2 and c5 are open, c3 closed.
 */
const cohortEvents: RecordedEvent<CohortEvent>[] = [
  ...['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'].map((id, i) =>
    recorded(cohortPlanned(id, id === 'c7' ? 'course-unknown' : 'course-1'), (i + 1) * 10, `cohort-${id}`),
  ),
  recorded(applicationsOpened('c3'), 71, 'cohort-c3'),
  recorded(applicationsOpened('c2'), 72, 'cohort-c2'),
  recorded(applicationsClosed('c3'), 73, 'cohort-c3'),
  recorded(applicationsOpened('c5'), 74, 'cohort-c5'),
];
const courseEvents: RecordedEvent<CourseEvent>[] = [
  recorded(courseDrafted('course-1', 'DDD in practice'), 5, 'course-course-1'),
];

const ids = (nodes: readonly { cohort_id: string }[]) => nodes.map((n) => n.cohort_id);

describe.each(testDialects)('cohort queries on %s', (dialect) => {
  let database: MigratedDatabase;
  let db: Kysely<CohortsDatabase>;

  beforeAll(async () => {
    database = await migratedDatabase(dialect);
    db = database.db;
    await project(db, courseProjection, courseEvents);
    // Delivered twice, as at-least-once delivery may: the tables must not change.
    await project(db, cohortProjection, cohortEvents);
    await project(db, cohortProjection, cohortEvents);
  });

  afterAll(() => database?.dispose());

  it('finds one cohort with its course title, and null for an unknown id', async () => {
    const c3 = await findCohort(db, 'c3');
    expect(c3).toMatchObject({
      cohort_id: 'c3',
      status: 'closed',
      capacity: 30,
      course_title: 'DDD in practice',
      plan_position: '00000000000000000030',
    });
    expect(await findCohort(db, 'c7')).toMatchObject({ cohort_id: 'c7', course_title: null });
    expect(await findCohort(db, 'nope')).toBeNull();
  });

  it('finds a course, with its list columns readable as arrays', async () => {
    const course = await findCourse(db, 'course-1');
    expect(course).toMatchObject({
      course_id: 'course-1',
      title: 'DDD in practice',
      default_capacity: 30,
      status: 'drafted',
    });
    expect(courseList(course!.topics)).toEqual(['ddd', 'cqrs']);
    expect(courseList(course!.prerequisites)).toEqual(['TypeScript']);
    expect(await findCourse(db, 'course-unknown')).toBeNull();
    expect(courseList('not json')).toEqual([]);
    expect(courseList('{"a":1}')).toEqual([]);
  });

  it('pages through every cohort in plan order with opaque cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    const pages: boolean[] = [];
    for (;;) {
      const page = await listCohorts(db, { first: 3, after });
      expect(page.totalCount).toBe(7);
      seen.push(...ids(page.nodes));
      pages.push(page.pageInfo.hasNextPage);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
      expect(after).not.toContain('0000');
    }
    expect(seen).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']);
    expect(pages).toEqual([true, true, false]);
  });

  it('filters by status, counting only matches', async () => {
    const open = await listCohorts(db, { status: 'open', first: 1 });
    expect(ids(open.nodes)).toEqual(['c2']);
    expect(open.totalCount).toBe(2);
    expect(open.pageInfo.hasNextPage).toBe(true);
    const rest = await listCohorts(db, { status: 'open', first: 1, after: open.pageInfo.endCursor });
    expect(ids(rest.nodes)).toEqual(['c5']);
    expect(rest.pageInfo).toEqual({ hasNextPage: false, endCursor: encodeCohortCursor('00000000000000000050') });
    expect(ids((await listCohorts(db, { status: 'planned', first: 10 })).nodes)).toEqual(['c1', 'c4', 'c6', 'c7']);
  });

  it('clamps first to 1..100', async () => {
    expect((await listCohorts(db, { first: 0 })).nodes).toHaveLength(1);
    expect((await listCohorts(db, { first: -5 })).nodes).toHaveLength(1);
    expect((await listCohorts(db, { first: 1000 })).nodes).toHaveLength(7);
  });

  it('returns an empty page with no cursor past the end', async () => {
    const page = await listCohorts(db, { first: 5, after: encodeCohortCursor('00000000000000000070') });
    expect(page).toEqual({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 7 });
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['base64 of something else', Buffer.from('hello').toString('base64url')],
    ['a position without the list prefix', Buffer.from('00000000000000000010').toString('base64url')],
    ['a prefix with a short key', Buffer.from('cohort:10').toString('base64url')],
  ])('refuses a bad cursor: %s', async (_case, after) => {
    const error = await listCohorts(db, { first: 3, after }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      code: 'PAGINATION.CURSOR_INVALID',
      fields: [{ field: 'after', message: expect.any(String) }],
    });
  });

  // Last: it adds cohorts c8 and c9 for the rest of the file.
  it('lists running and cancelled cohorts by status, with their current capacity', async () => {
    await project(db, cohortProjection, [
      ...['c8', 'c9'].map((id, i) => recorded(cohortPlanned(id), 80 + i, `cohort-${id}`)),
      recorded(applicationsOpened('c8'), 82, 'cohort-c8'),
      recorded(applicationsClosed('c8'), 83, 'cohort-c8'),
      recorded(capacityChanged('c8', 30, 24), 84, 'cohort-c8'),
      recorded(cohortStarted('c8'), 85, 'cohort-c8'),
      recorded(cohortCancelled('c9'), 86, 'cohort-c9'),
    ]);
    const running = await listCohorts(db, { status: 'running', first: 10 });
    expect(running.nodes.map((n) => [n.cohort_id, n.capacity])).toEqual([['c8', 24]]);
    expect(running.totalCount).toBe(1);
    expect(ids((await listCohorts(db, { status: 'cancelled', first: 10 })).nodes)).toEqual(['c9']);
    expect(await findCohort(db, 'c8')).toMatchObject({
      status: 'running',
      capacity: 24,
      last_position: '00000000000000000085',
    });
  });
});
