import type { DomainEvent, Projection, ProjectionRow, RecordedEvent } from '@sooc/event-sourcing';
import { cohortScenario } from '@sooc/selection-domain/testing';
import type { Kysely } from 'kysely';
import { dueOffersProjection } from '../lib/due-offers.projection';
import type { EnrollmentDatabase } from '../lib/enrollment.read-model';
import { enrollmentProjections } from '../lib/enrollment.projections';
import { project } from '@sooc/read-store/testing';

/** Projects the scenario with every projection of the library, twice, as at-least-once delivery may. */
export async function projectScenario(
  db: Kysely<EnrollmentDatabase>,
  events: readonly RecordedEvent<DomainEvent>[] = cohortScenario(),
): Promise<void> {
  for (let round = 0; round < 2; round++) {
    for (const projection of [...enrollmentProjections, dueOffersProjection] as unknown as readonly Projection<
      ProjectionRow,
      DomainEvent
    >[])
      await project(db, projection, events);
  }
}
