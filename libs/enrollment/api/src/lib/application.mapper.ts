import { globalIdOf } from '@sooc/graphql';
import type { ApplicationView, DecisionView } from '@sooc/enrollment-read-models';
import type { DecisionRecord } from '@sooc/selection-domain/published';
import type { Application, DecisionActor, RecordedDecision } from './application.type';
import type { AdmissionDecision, ApplicationStatus, LearnerLevel } from './enums';

/** What the caller may not see of an application. */
export interface Redaction {
  /** Blind review: the reviewer judges the dossier, not who wrote it or who sent them. */
  readonly identity: boolean;
}

export const NOTHING_HIDDEN: Redaction = { identity: false };

function toActor(value: unknown): DecisionActor | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, role } = value as Partial<DecisionActor>;
  return typeof id === 'string' && typeof role === 'string' ? { id, role } : null;
}

function toDecision(view: DecisionView | null): RecordedDecision | null {
  if (!view) return null;
  const record = (view.record ?? {}) as Partial<DecisionRecord>;
  return {
    decision: view.decision as AdmissionDecision,
    reason: view.reason,
    decidedBy: toActor(view.decidedBy),
    decisionId: view.decisionId,
    decidedAt: view.decidedAt,
    rubricVersion: record.rubricVersion ?? null,
    averageScore: record.averageScore ?? null,
    rank: record.rank ?? null,
    rankedAmong: record.rankedAmong ?? null,
  };
}

/** Views use the domain's values and the GraphQL enums carry the same values: only shapes change. */
export function toApplication(view: ApplicationView, redaction: Redaction = NOTHING_HIDDEN): Application {
  return {
    id: globalIdOf('Application', view.enrollmentId),
    enrollmentId: view.enrollmentId,
    cohortId: view.cohortId,
    learnerId: redaction.identity ? null : view.learnerId,
    companyId: redaction.identity ? null : view.companyId,
    level: view.level as LearnerLevel,
    motivation: view.motivation,
    answers: Object.entries(view.answers).map(([questionId, answer]) => ({ questionId, answer })),
    prerequisitesMet: [...view.prerequisitesMet],
    eligible: view.eligible,
    unmetPrerequisites: [...view.unmetPrerequisites],
    status: view.status as ApplicationStatus,
    statusReason: view.statusReason,
    submittedAt: view.submittedAt,
    reviews: view.reviews.map((r) => ({
      reviewerId: r.reviewerId,
      score: r.score,
      rubricVersion: r.rubricVersion,
      comment: r.comment,
    })),
    reviewCount: view.reviewCount,
    averageScore: view.averageScore,
    decision: toDecision(view.decision),
    offerExpiresAt: view.offerExpiresAt,
    promotedFromWaitlist: view.promotedFromWaitlist,
    attendance: Object.entries(view.attendance)
      .map(([session, attended]) => ({ session: Number(session), attended }))
      .sort((a, b) => a.session - b.session),
    attendedSessions: view.attendedSessions,
    updatedAt: view.updatedAt,
  };
}
