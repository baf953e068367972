import { configured, sequence } from '@sooc/cohorts-domain/testing';
import type { CohortSettings } from '@sooc/cohorts-domain';
import type { DomainEvent, Projection, ProjectionRow, RecordedEvent } from '@sooc/event-sourcing';
import { cohortScenario } from '@sooc/selection-domain/testing';
import type { Kysely } from 'kysely';
import type { CohortsDatabase } from '../lib/cohorts.read-model';
import { cohortsProjections } from '../lib/cohorts.projections';
import { dueClosingsProjection } from '../lib/due-closings.projection';
import { project } from '@sooc/read-store/testing';

/** Projects the scenario with every projection of the library, twice, as at-least-once delivery may. */
export async function projectScenario(
  db: Kysely<CohortsDatabase>,
  events: readonly RecordedEvent<DomainEvent>[] = cohortScenario(),
): Promise<void> {
  for (let round = 0; round < 2; round++) {
    for (const projection of [...cohortsProjections, dueClosingsProjection] as unknown as readonly Projection<
      ProjectionRow,
      DomainEvent
    >[])
      await project(db, projection, events);
  }
}

export const reconfigured = (settings: CohortSettings, position: number) =>
  sequence([configured('c1', settings)], position);
