import { Command } from '@nestjs/cqrs';
import type { ReviewOutcome } from './selection.outcomes';

export interface ReviewApplicationInput {
  readonly cohortId: string;
  readonly learnerId: string;
  /** criterionId → score. */
  readonly scores: Readonly<Record<string, number>>;
  readonly comment: string | null;
}

/** The reviewer is the caller of the request, never a field of the input. */
export class ReviewApplicationCommand extends Command<ReviewOutcome> {
  constructor(readonly data: ReviewApplicationInput) {
    super();
  }
}
