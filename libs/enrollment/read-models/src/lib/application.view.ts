import type { Actor } from '@sooc/event-sourcing';
import type { Decision, DecisionRecord } from '@sooc/selection-domain/published';
import type { ApplicationRow, ApplicationView, ReviewView } from './application.read-model';
import type { StoredReview } from './application-selection.fold';
import { flag, parseJsonColumn } from '@sooc/util';
import { scoreFromColumn } from '@sooc/util';

export function toApplicationView(row: ApplicationRow): ApplicationView {
  const reviews: ReviewView[] = Object.entries(parseJsonColumn<Record<string, StoredReview>>(row.reviews, {}))
    .map(([reviewerId, r]) => ({ reviewerId, score: r.score, rubricVersion: r.rubricVersion, comment: r.comment }))
    .sort((a, b) => (a.reviewerId < b.reviewerId ? -1 : a.reviewerId > b.reviewerId ? 1 : 0));
  return {
    enrollmentId: row.enrollment_id,
    cohortId: row.cohort_id,
    learnerId: row.learner_id,
    companyId: row.company_id,
    shareWithCompany: flag(row.share_with_company),
    level: row.level,
    name: row.name,
    email: row.email,
    motivation: row.motivation,
    answers: parseJsonColumn(row.answers, {}),
    prerequisitesMet: parseJsonColumn(row.prerequisites_met, []),
    eligible: flag(row.eligible),
    unmetPrerequisites: parseJsonColumn(row.unmet_prerequisites, []),
    selectionPolicy: row.selection_policy,
    status: row.status,
    statusReason: row.status_reason,
    submittedAt: row.submitted_at,
    submittedPosition: row.submitted_position,
    offerExpiresAt: row.offer_expires_at,
    promotedFromWaitlist: flag(row.promoted_from_waitlist),
    attendance: parseJsonColumn(row.attendance, {}),
    attendedSessions: row.attended_sessions,
    reviews,
    reviewCount: row.review_count,
    averageScore: scoreFromColumn(row.average_score),
    decision:
      row.decision === null
        ? null
        : {
            decision: row.decision as Decision,
            reason: row.decision_reason,
            decidedBy: parseJsonColumn<Actor | null>(row.decided_by, null),
            decisionId: row.decision_id,
            decidedAt: row.decided_at,
            record: parseJsonColumn<DecisionRecord | null>(row.decision_record, null),
          },
    updatedAt: row.updated_at,
  };
}
