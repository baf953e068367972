import { globalIdOf } from '@sooc/graphql';
import type { ApplicationView, DecisionView } from '@sooc/enrollment-read-models';
import type { DecisionRecord } from '@sooc/selection-domain/published';
import type { Application, DecisionActor, RecordedDecision } from './application.type';
import type { AdmissionDecision, ApplicationStatus, LearnerLevel } from './enums';

/** What the caller may not see of an application (the field rules of @sooc/auth's access.rules.ts). */
export interface Redaction {
  /** Blind review: the reviewer judges the dossier, not who wrote it or who sent them. */
  readonly identity: boolean;
  /** The learner's own words: motivation and answers. */
  readonly dossierText: boolean;
  /** The reviewers' scores and comments. */
  readonly reviews: boolean;
  /** Reasons written by staff and learners (status reason, decision reason). */
  readonly reasons: boolean;
}

export const NOTHING_HIDDEN: Redaction = { identity: false, dossierText: false, reviews: false, reasons: false };

/** Name and e-mail say who applied (blind review) and are the learner's own (partners): hidden by either rule. */
export const hidesContact = (redaction: Redaction): boolean => redaction.identity || redaction.dossierText;

/** How an application names itself: its opaque reference, made by the caller's gateway. */
export type ReferenceOf = (enrollmentId: string) => string;

function toActor(value: unknown): DecisionActor | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, role } = value as Partial<DecisionActor>;
  return typeof id === 'string' && typeof role === 'string' ? { id, role } : null;
}

function toDecision(view: DecisionView | null, redaction: Redaction): RecordedDecision | null {
  if (!view) return null;
  const record = (view.record ?? {}) as Partial<DecisionRecord>;
  return {
    decision: view.decision as AdmissionDecision,
    reason: redaction.reasons ? null : view.reason,
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
export function toApplication(view: ApplicationView, referenceOf: ReferenceOf, redaction: Redaction): Application {
  const reference = referenceOf(view.enrollmentId);
  return {
    // Never the enrollment id: a global id is seen by every role, and that one holds the learner id.
    id: globalIdOf('Application', reference),
    reference,
    enrollmentId: redaction.identity ? null : view.enrollmentId,
    cohortId: view.cohortId,
    learnerId: redaction.identity ? null : view.learnerId,
    companyId: redaction.identity ? null : view.companyId,
    shareWithCompany: view.shareWithCompany,
    level: view.level as LearnerLevel,
    name: hidesContact(redaction) ? null : view.name,
    email: hidesContact(redaction) ? null : view.email,
    motivation: redaction.dossierText ? null : view.motivation,
    answers: redaction.dossierText
      ? []
      : Object.entries(view.answers).map(([questionId, answer]) => ({ questionId, answer })),
    prerequisitesMet: [...view.prerequisitesMet],
    eligible: view.eligible,
    unmetPrerequisites: [...view.unmetPrerequisites],
    status: view.status as ApplicationStatus,
    statusReason: redaction.reasons ? null : view.statusReason,
    submittedAt: view.submittedAt,
    reviews: (redaction.reviews ? [] : view.reviews).map((r) => ({
      reviewerId: r.reviewerId,
      score: r.score,
      rubricVersion: r.rubricVersion,
      comment: r.comment,
    })),
    reviewCount: view.reviewCount,
    averageScore: view.averageScore,
    decision: toDecision(view.decision, redaction),
    offerExpiresAt: view.offerExpiresAt,
    promotedFromWaitlist: view.promotedFromWaitlist,
    attendance: Object.entries(view.attendance)
      .map(([session, attended]) => ({ session: Number(session), attended }))
      .sort((a, b) => a.session - b.session),
    attendedSessions: view.attendedSessions,
    updatedAt: view.updatedAt,
  };
}
