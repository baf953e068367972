import type { CohortEvent } from '@sooc/cohorts-domain';
import type { RecordedEvent } from '@sooc/event-sourcing';
import {
  applicationsClosed,
  applicationsOpened,
  capacityChanged,
  cohortCancelled,
  cohortCompleted,
  cohortPlanned,
  cohortStarted,
  recorded,
} from '../testing/cohort-events.fixture';
import { cohortProjection } from './cohort.projection';
import type { CohortRow } from './cohort.read-model';

const stream = 'cohort-c1';
const planned = recorded(cohortPlanned('c1'), 7, stream, '2026-03-03T09:00:00.000Z');
const opened = recorded(applicationsOpened('c1'), 12, stream, '2026-03-10T08:00:00.000Z');
const closed = recorded(applicationsClosed('c1'), 40, stream, '2026-04-01T00:00:00.000Z');
const started = recorded(cohortStarted('c1'), 50, stream, '2026-04-01T09:00:00.000Z');
const completed = recorded(cohortCompleted('c1'), 60, stream, '2026-05-31T18:00:00.000Z');

const fold = (events: readonly RecordedEvent<CohortEvent>[]) =>
  events.reduce<CohortRow | null>(cohortProjection.apply, null);

const plannedRow: CohortRow = {
  cohort_id: 'c1',
  course_id: 'course-1',
  title: 'Cohort c1',
  status: 'planned',
  capacity: 30,
  opens_at: '2026-03-10T08:00:00.000Z',
  closes_at: '2026-04-01T00:00:00.000Z',
  starts_on: '2026-04-01',
  ends_on: '2026-05-31',
  selection_policy: 'first-come',
  planned_at: '2026-03-03T09:00:00.000Z',
  updated_at: '2026-03-03T09:00:00.000Z',
  plan_position: '00000000000000000007',
  last_position: '00000000000000000007',
};

describe('cohort projection', () => {
  it('keys rows by cohort id and reads only cohort lifecycle events', () => {
    expect(cohortProjection.keyOf(opened)).toBe('c1');
    expect([...cohortProjection.handles].sort()).toEqual([
      'ApplicationsClosed',
      'ApplicationsOpened',
      'CapacityChanged',
      'CohortCancelled',
      'CohortCompleted',
      'CohortPlanned',
      'CohortStarted',
    ]);
    expect(cohortProjection.keyColumn).toBe('cohort_id');
  });

  it('creates a planned row from CohortPlanned', () => {
    expect(fold([planned])).toEqual(plannedRow);
  });

  // Issue 10 #1: opened early, the window opened then.
  it('takes the window in effect from ApplicationsOpened', () => {
    const window = { opensAt: '2026-03-02T10:00:00.000Z', closesAt: plannedRow.closes_at };
    const early = recorded(
      { ...applicationsOpened('c1'), data: { cohortId: 'c1', applicationWindow: window } },
      12,
      stream,
    );
    expect(fold([planned, early])).toMatchObject({
      status: 'open',
      opens_at: window.opensAt,
      closes_at: window.closesAt,
    });
  });

  it('follows the lifecycle, stamping the time and position of each change', () => {
    expect(fold([planned, opened])).toEqual({
      ...plannedRow,
      status: 'open',
      updated_at: '2026-03-10T08:00:00.000Z',
      last_position: '00000000000000000012',
    });
    expect(fold([planned, opened, closed])).toEqual({
      ...plannedRow,
      status: 'closed',
      updated_at: '2026-04-01T00:00:00.000Z',
      last_position: '00000000000000000040',
    });
  });

  it('changes nothing when events are delivered again', () => {
    const once = fold([planned, opened, closed]);
    expect(fold([planned, opened, closed, opened, closed, planned])).toEqual(once);
    expect(fold([planned, planned])).toEqual(plannedRow);
  });

  it('ignores an event at or before the last position even if it would apply', () => {
    const row = fold([planned, opened]);
    const stale = recorded(applicationsClosed('c1'), 12, stream);
    expect(cohortProjection.apply(row, stale)).toBe(row);
  });

  it('ignores lifecycle events for a cohort it never saw planned, and moves never skip a step', () => {
    expect(fold([opened])).toBeNull();
    expect(fold([planned, closed])).toEqual(plannedRow);
  });

  it('compares positions as numbers, beyond what a JavaScript number holds', () => {
    const big = recorded(cohortPlanned('c1'), 0, stream);
    const bigPlanned = { ...big, position: 18_446_744_073_709_551_000n };
    const bigOpened = { ...recorded(applicationsOpened('c1'), 0, stream), position: 18_446_744_073_709_551_615n };
    const row = fold([bigPlanned, bigOpened]);
    expect(row).toMatchObject({
      status: 'open',
      plan_position: '18446744073709551000',
      last_position: '18446744073709551615',
    });
    expect(cohortProjection.apply(row, bigOpened)).toBe(row);
  });

  it('runs and completes a closed cohort', () => {
    expect(fold([planned, opened, closed, started])).toEqual({
      ...plannedRow,
      status: 'running',
      updated_at: '2026-04-01T09:00:00.000Z',
      last_position: '00000000000000000050',
    });
    expect(fold([planned, opened, closed, started, completed])).toEqual({
      ...plannedRow,
      status: 'completed',
      updated_at: '2026-05-31T18:00:00.000Z',
      last_position: '00000000000000000060',
    });
  });

  it('never starts a cohort that is not closed, nor completes one that is not running', () => {
    expect(fold([planned, opened, started])).toMatchObject({ status: 'open', last_position: '00000000000000000012' });
    expect(fold([planned, opened, closed, completed])).toMatchObject({
      status: 'closed',
      last_position: '00000000000000000040',
    });
  });

  it.each([
    ['planned', [planned]],
    ['open', [planned, opened]],
    ['closed', [planned, opened, closed]],
    ['running', [planned, opened, closed, started]],
  ])('cancels a %s cohort', (_from, before) => {
    const cancelled = recorded(cohortCancelled('c1'), 70, stream, '2026-04-20T12:00:00.000Z');
    expect(fold([...before, cancelled])).toMatchObject({
      status: 'cancelled',
      updated_at: '2026-04-20T12:00:00.000Z',
      last_position: '00000000000000000070',
    });
  });

  it('keeps a completed cohort completed, and a cancelled one cancelled', () => {
    const cancelled = recorded(cohortCancelled('c1'), 70, stream);
    expect(fold([planned, opened, closed, started, completed, cancelled])).toMatchObject({ status: 'completed' });
    const reopened = recorded(applicationsOpened('c1'), 80, stream);
    expect(fold([planned, cancelled, reopened])).toMatchObject({
      status: 'cancelled',
      last_position: '00000000000000000070',
    });
  });

  it('shows the capacity after each change', () => {
    const grown = recorded(capacityChanged('c1', 30, 40), 20, stream, '2026-03-12T10:00:00.000Z');
    const shrunk = recorded(capacityChanged('c1', 40, 25), 30, stream, '2026-03-13T10:00:00.000Z');
    expect(fold([planned, opened, grown])).toEqual({
      ...plannedRow,
      status: 'open',
      capacity: 40,
      updated_at: '2026-03-12T10:00:00.000Z',
      last_position: '00000000000000000020',
    });
    expect(fold([planned, opened, grown, shrunk, grown])).toMatchObject({
      capacity: 25,
      last_position: '00000000000000000030',
    });
    expect(fold([grown])).toBeNull();
  });
});
