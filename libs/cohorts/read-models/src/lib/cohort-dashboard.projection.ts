import { defaultCohortSettings, type CohortEvent, type CohortStatus } from '@sooc/cohorts-domain';
import type { Projection, RecordedEvent } from '@sooc/event-sourcing';
import type { RubricDefined } from '@sooc/selection-domain/published';
import type { CohortDashboardRow } from './cohort-dashboard.read-model';
import { alreadyApplied, positionKey } from '@sooc/util';

export type CohortDashboardEvent =
  | Extract<
      CohortEvent,
      {
        type:
          | 'CohortPlanned'
          | 'ApplicationsOpened'
          | 'ApplicationsClosed'
          | 'CohortStarted'
          | 'CohortCompleted'
          | 'CohortCancelled'
          | 'CohortConfigured'
          | 'CompanyQuotaSet'
          | 'CapacityChanged';
      }
    >
  | RubricDefined;

export const COHORT_DASHBOARD_PROJECTION_EVENTS = [
  'CohortPlanned',
  'ApplicationsOpened',
  'ApplicationsClosed',
  'CohortStarted',
  'CohortCompleted',
  'CohortCancelled',
  'CohortConfigured',
  'CompanyQuotaSet',
  'CapacityChanged',
  'RubricDefined',
] as const satisfies readonly CohortDashboardEvent['type'][];

/** The cohort lifecycle as in the decider: a stray event cannot move a dashboard back. */
const MOVES: Partial<
  Record<CohortDashboardEvent['type'], { readonly from: readonly CohortStatus[]; readonly to: CohortStatus }>
> = {
  ApplicationsOpened: { from: ['planned'], to: 'open' },
  ApplicationsClosed: { from: ['open'], to: 'closed' },
  CohortStarted: { from: ['closed'], to: 'running' },
  CohortCompleted: { from: ['running'], to: 'completed' },
  CohortCancelled: { from: ['planned', 'open', 'closed', 'running'], to: 'cancelled' },
};

function changes(
  row: CohortDashboardRow,
  event: RecordedEvent<CohortDashboardEvent>,
): Partial<CohortDashboardRow> | null {
  switch (event.type) {
    case 'CohortConfigured':
      return { settings: JSON.stringify(event.data.settings), waitlist_order: event.data.settings.waitlistOrder };
    case 'CompanyQuotaSet': {
      const { companyId, seats } = event.data;
      // Sorted keys: the same quotas always give the same text, whatever order they were set in.
      const quotas = Object.entries({ ...(JSON.parse(row.quotas) as Record<string, number>), [companyId]: seats })
        .filter(([, n]) => n > 0)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return { quotas: JSON.stringify(Object.fromEntries(quotas)) };
    }
    case 'CapacityChanged':
      return { capacity: event.data.to };
    case 'RubricDefined':
      // The selection's latest rubric says whether reviewers may see who waits (blind review).
      return { blind: event.data.blind ? 1 : 0 };
    default: {
      const move = MOVES[event.type];
      return move && move.from.includes(row.status) ? { status: move.to } : null;
    }
  }
}

export function applyCohortDashboardEvent(
  row: CohortDashboardRow | null,
  event: RecordedEvent<CohortDashboardEvent>,
): CohortDashboardRow | null {
  if (row && alreadyApplied(row.last_position, event.position)) return row;
  const at = event.metadata.occurredAt;
  const position = positionKey(event.position);
  if (event.type === 'CohortPlanned') {
    if (row) return row;
    const d = event.data;
    // Cohorts keep the defaults until configured, exactly as the decider folds them.
    const settings = defaultCohortSettings(d.selectionPolicy);
    return {
      cohort_id: d.cohortId,
      title: d.title,
      status: 'planned',
      selection_policy: d.selectionPolicy,
      capacity: d.capacity,
      quotas: '{}',
      settings: JSON.stringify(settings),
      waitlist_order: settings.waitlistOrder,
      blind: 0,
      updated_at: at,
      last_position: position,
    };
  }
  if (!row) return row;
  const changed = changes(row, event);
  return changed ? { ...row, ...changed, updated_at: at, last_position: position } : row;
}

export const cohortDashboardProjection: Projection<CohortDashboardRow, CohortDashboardEvent> = {
  name: 'cohorts.dashboard',
  table: 'cohort_dashboards',
  keyColumn: 'cohort_id',
  handles: COHORT_DASHBOARD_PROJECTION_EVENTS,
  keyOf: (event) => event.data.cohortId,
  apply: applyCohortDashboardEvent,
};
