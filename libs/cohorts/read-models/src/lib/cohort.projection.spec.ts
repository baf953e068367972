import type { CohortEvent } from '@sooc/cohorts-domain';
import type { RecordedEvent } from '@sooc/event-sourcing';
import { applicationsClosed, applicationsOpened, cohortPlanned, recorded } from '../testing/cohort-events.fixture';
import { cohortProjection } from './cohort.projection';
import type { CohortRow } from './cohort.read-model';

const stream = 'cohort-c1';
const planned = recorded(cohortPlanned('c1'), 7, stream, '2026-03-03T09:00:00.000Z');
const opened = recorded(applicationsOpened('c1'), 12, stream, '2026-03-10T08:00:00.000Z');
const closed = recorded(applicationsClosed('c1'), 40, stream, '2026-04-01T00:00:00.000Z');

const fold = (events: readonly RecordedEvent<CohortEvent>[]) => events.reduce<CohortRow | null>(cohortProjection.apply, null);

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
    expect([...cohortProjection.handles].sort()).toEqual(['ApplicationsClosed', 'ApplicationsOpened', 'CohortPlanned']);
    expect(cohortProjection.keyColumn).toBe('cohort_id');
  });

  it('creates a planned row from CohortPlanned', () => {
    expect(fold([planned])).toEqual(plannedRow);
  });

  it('follows the lifecycle, stamping the time and position of each change', () => {
    expect(fold([planned, opened])).toEqual({ ...plannedRow, status: 'open', updated_at: '2026-03-10T08:00:00.000Z', last_position: '00000000000000000012' });
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
    expect(row).toMatchObject({ status: 'open', plan_position: '18446744073709551000', last_position: '18446744073709551615' });
    expect(cohortProjection.apply(row, bigOpened)).toBe(row);
  });
});
