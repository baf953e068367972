import { defaultCohortSettings } from '@sooc/cohorts-domain';
import type { RecordedEvent } from '@sooc/event-sourcing';
import {
  capacityChanged,
  closed,
  cohortCancelled,
  cohortCompleted,
  configured,
  opened,
  planned,
  quotaSet,
  started,
  recorded,
} from '@sooc/cohorts-domain/testing';
import { rubricDefined } from '@sooc/selection-domain/testing';
import { cohortDashboardProjection, type CohortDashboardEvent } from './cohort-dashboard.projection';
import type { CohortDashboardRow } from './cohort-dashboard.read-model';

const fold = (events: readonly RecordedEvent<CohortDashboardEvent>[]) =>
  events.reduce<CohortDashboardRow | null>(cohortDashboardProjection.apply, null);
const at = (minute: number) => `2026-03-12T10:${String(minute).padStart(2, '0')}:00.000Z`;
const ev = <E extends CohortDashboardEvent>(event: E, position: number) => recorded(event, position, at(position));
const pos = (n: number) => String(n).padStart(20, '0');

const plannedRow: CohortDashboardRow = {
  cohort_id: 'c1',
  title: 'Cohort c1',
  status: 'planned',
  selection_policy: 'review',
  capacity: 4,
  quotas: '{}',
  settings: JSON.stringify(defaultCohortSettings('review')),
  waitlist_order: 'score',
  blind: 0,
  updated_at: at(1),
  last_position: pos(1),
};

describe('cohort dashboard projection', () => {
  const plan = ev(planned('c1'), 1);

  it('starts from the plan with the default settings of its policy', () => {
    expect(cohortDashboardProjection.name).toBe('cohorts.dashboard');
    expect(fold([plan])).toEqual(plannedRow);
    expect(fold([ev(planned('c2', 'first-come'), 1)])).toMatchObject({
      waitlist_order: 'arrival',
      selection_policy: 'first-come',
    });
  });

  it('follows the lifecycle only along allowed moves', () => {
    const life = [plan, ev(opened('c1'), 2), ev(closed('c1'), 3), ev(started('c1'), 4), ev(cohortCompleted('c1'), 5)];
    expect(fold(life.slice(0, 4))).toMatchObject({ status: 'running', last_position: pos(4) });
    expect(fold(life)).toMatchObject({ status: 'completed', updated_at: at(5) });
    expect(fold([...life, ev(cohortCancelled('c1'), 6)])).toMatchObject({ status: 'completed', last_position: pos(5) });
    expect(fold([plan, ev(opened('c1'), 2), ev(cohortCancelled('c1'), 3), ev(closed('c1'), 4)])).toMatchObject({
      status: 'cancelled',
      last_position: pos(3),
    });
    expect(fold([plan, ev(started('c1'), 2)])).toEqual(plannedRow);
  });

  it('keeps the whole settings of the last configuration, and the waitlist order they give', () => {
    const settings = { ...defaultCohortSettings('review'), waitlistOrder: 'arrival' as const, sessions: 12 };
    expect(fold([plan, ev(configured('c1', settings), 2)])).toMatchObject({
      settings: JSON.stringify(settings),
      waitlist_order: 'arrival',
    });
  });

  it('keeps quotas by company, sorted, and drops a quota set to zero', () => {
    const row = fold([
      plan,
      ev(quotaSet('c1', 'globex', 1), 2),
      ev(quotaSet('c1', 'acme', 2), 3),
      ev(quotaSet('c1', 'initech', 1), 4),
      ev(quotaSet('c1', 'initech', 0, 1), 5),
    ]);
    expect(row).toMatchObject({ quotas: '{"acme":2,"globex":1}', last_position: pos(5) });
  });

  it('shows the capacity after a change', () => {
    expect(fold([plan, ev(capacityChanged('c1', 4, 6), 2)])).toMatchObject({ capacity: 6, updated_at: at(2) });
  });

  it('follows the latest rubric: blind or not, as the selection defined it', () => {
    const blind = fold([plan, ev(rubricDefined('c1', 1, true), 2)]);
    expect(blind).toMatchObject({ blind: 1, last_position: pos(2), updated_at: at(2) });
    expect(fold([plan, ev(rubricDefined('c1', 1, true), 2), ev(rubricDefined('c1', 2, false), 3)])).toMatchObject({
      blind: 0,
    });
    expect(fold([ev(rubricDefined('c1', 1, true), 2)])).toBeNull();
  });

  it('changes nothing on redelivery, and ignores events of a cohort it never saw planned', () => {
    const events = [plan, ev(opened('c1'), 2), ev(quotaSet('c1', 'acme', 2), 3), ev(capacityChanged('c1', 4, 6), 4)];
    const once = fold(events);
    expect(fold([...events, ...events])).toEqual(once);
    expect(fold([ev(opened('c1'), 2), ev(capacityChanged('c1', 4, 6), 3)])).toBeNull();
    expect(fold([plan, ev(planned('c1', 'first-come', 9), 2)])).toEqual(plannedRow);
  });
});
