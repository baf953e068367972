import type { RecordedEvent } from '@sooc/event-sourcing';
import type { ApplicationDecided, ApplicationReviewed } from '@sooc/selection-domain/published';
import type { ApplicationRow } from './application.read-model';
import { positionKey } from '@sooc/util';
import { meanScoreColumn } from '@sooc/util';

export interface StoredReview {
  readonly score: number;
  readonly rubricVersion: number;
  readonly comment: string | null;
}

/**
 * The selection's side of an application: a reviewer's latest review replaces their earlier one,
 * and the decision keeps its record (the answer to "why?"). The status stays the enrollment's:
 * the enrollment event that follows a decision moves it.
 */
export function applySelectionToApplication(
  row: ApplicationRow,
  event: RecordedEvent<ApplicationReviewed | ApplicationDecided>,
): ApplicationRow {
  const at = event.metadata.occurredAt;
  const position = positionKey(event.position);
  if (event.type === 'ApplicationReviewed') {
    const d = event.data;
    const reviews: Record<string, StoredReview> = {
      ...(JSON.parse(row.reviews) as Record<string, StoredReview>),
      [d.reviewerId]: { score: d.score, rubricVersion: d.rubricVersion, comment: d.comment },
    };
    const scores = Object.values(reviews).map((r) => r.score);
    return {
      ...row,
      reviews: JSON.stringify(reviews),
      review_count: scores.length,
      average_score: meanScoreColumn(scores),
      updated_at: at,
      last_position: position,
    };
  }
  const d = event.data;
  return {
    ...row,
    decision: d.decision,
    decision_reason: d.reason,
    decided_by: JSON.stringify(d.decidedBy),
    decision_id: d.decisionId,
    decided_at: at,
    decision_record: JSON.stringify(d.record),
    updated_at: at,
    last_position: position,
  };
}
