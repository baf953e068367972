import type { LearnerLevel } from '@sooc/cohorts-domain/published';
import type { PublishedQuery } from '@sooc/event-sourcing';
import type { EnrollmentEvent } from './enrollment.events';
import { evolveEnrollment } from './enrollment.evolve';
import type { EnrollmentState, EnrollmentStatus } from './enrollment.state';
import { enrollmentStream } from './streams';

/** An application as selection judges it (null: the learner never applied). */
export interface ApplicationSnapshot {
  readonly enrollmentId: string;
  readonly learnerId: string;
  readonly status: EnrollmentStatus;
  readonly companyId: string | null;
  readonly level: LearnerLevel;
}

export interface ApplicationRef {
  readonly cohortId: string;
  readonly learnerId: string;
}

export const applicationSnapshotQuery: PublishedQuery<
  ApplicationRef,
  ApplicationSnapshot | null,
  EnrollmentState,
  EnrollmentEvent
> = {
  streamOf: ({ cohortId, learnerId }) => enrollmentStream(cohortId, learnerId),
  initialState: () => ({ status: 'none' }),
  evolve: evolveEnrollment,
  view: (state) => {
    if (state.status === 'none') return null;
    const { enrollmentId, learnerId, status, dossier } = state;
    return { enrollmentId, learnerId, status, companyId: dossier.companyId, level: dossier.level };
  },
};
