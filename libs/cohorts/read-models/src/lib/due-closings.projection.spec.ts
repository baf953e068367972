import type { RecordedEvent } from '@sooc/event-sourcing';
import { recorded } from '@sooc/cohorts-domain/testing';
import { dueClosingsProjection, type DueClosingEvent } from './due-closings.projection';
import type { DueClosingRow } from './cohort-extras.read-model';

const fold = (events: readonly RecordedEvent<DueClosingEvent>[]) =>
  events.reduce<DueClosingRow | null>(dueClosingsProjection.apply, null);
const window = { opensAt: '2026-03-01T00:00:00.000Z', closesAt: '2026-03-20T00:00:00.000Z' };
const opened = (position: number, withWindow = true) =>
  recorded<DueClosingEvent>(
    {
      type: 'ApplicationsOpened',
      data: withWindow ? { cohortId: 'c1', applicationWindow: window } : { cohortId: 'c1' },
    },
    position,
  );
const closed = (position: number) =>
  recorded<DueClosingEvent>(
    { type: 'ApplicationsClosed', data: { cohortId: 'c1', because: 'window-ended' } },
    position,
  );
const cancelled = (position: number) =>
  recorded<DueClosingEvent>(
    { type: 'CohortCancelled', data: { cohortId: 'c1', reason: 'gone', affected: [] } },
    position,
  );

// Issue 10 #1: the reactor's to-do list of application windows to close at closesAt.
describe('due closings projection', () => {
  it('lists a cohort from the opening of its applications until they close or it is cancelled', () => {
    expect(dueClosingsProjection.name).toBe('reactor.cohort-due-closings');
    expect(fold([opened(1)])).toEqual({
      cohort_id: 'c1',
      closes_at: window.closesAt,
      last_position: '00000000000000000001',
    });
    expect(fold([opened(1), closed(2)])).toBeNull();
    expect(fold([opened(1), cancelled(2)])).toBeNull();
  });

  it('ignores a redelivered opening and an opening written before windows were carried', () => {
    const row = fold([opened(3)]);
    expect(dueClosingsProjection.apply(row, opened(3))).toBe(row);
    expect(fold([opened(1, false)])).toBeNull();
  });
});
