import { graphql } from '../gql';

/**
 * The review screen's one round trip: the cohort, its rubric, the applications awaiting a
 * decision in arrival order and the best scored ones with their decisions. The page sizes keep
 * the document under the gateway's cost limit (GRAPHQL_MAX_COST). What a blind reviewer may not
 * see (name, e-mail, learner id, company) the API answers null: the screen asks for it and shows
 * what comes. `at` is the last write's position, so the list read after a review or a decision
 * has it (read-your-writes).
 */
export const REVIEW_SCREEN = graphql(`
  query ConsoleReview($cohortId: ID!, $at: Position) {
    cohort(cohortId: $cohortId) {
      id
      cohortId
      title
      status
      selectionPolicy
    }
    rubric(cohortId: $cohortId) {
      id
      version
      blind
      reviewsRequired
      criteria {
        id
        label
        weight
      }
    }
    queue: applications(cohortId: $cohortId, status: SUBMITTED, first: 15, consistentWith: $at) {
      totalCount
      edges {
        node {
          id
          reference
          status
          learnerId
          name
          email
          companyId
          level
          motivation
          averageScore
          reviewCount
          reviews {
            reviewerId
            score
            comment
          }
        }
      }
    }
    ranked: applications(cohortId: $cohortId, sort: SCORE, first: 15, consistentWith: $at) {
      edges {
        node {
          id
          reference
          enrollmentId
          learnerId
          name
          decision {
            decision
            reason
            rank
            rankedAmong
            averageScore
            rubricVersion
            decidedBy {
              id
              role
            }
          }
        }
      }
    }
  }
`);

export const REVIEW_APPLICATION = graphql(`
  mutation ConsoleReviewApplication($input: ReviewApplicationInput!) {
    reviewApplication(input: $input) {
      position
      review {
        reference
        score
        rubricVersion
      }
    }
  }
`);

/** What a decision was based on, as the decision's record keeps it. */
export const DECISION_RECORD_FIELDS = graphql(`
  fragment ConsoleDecisionRecord on DecisionRecord {
    rubricVersion
    averageScore
    rank
    rankedAmong
    reviews {
      reviewerId
      rubricVersion
      score
    }
    seats {
      capacity
      reserved
      confirmed
      free
      waitlisted
      freeInPool
      quota {
        seats
        used
      }
    }
  }
`);

export const DECIDE_APPLICATION = graphql(`
  mutation ConsoleDecideApplication($input: DecideApplicationInput!) {
    decideApplication(input: $input) {
      position
      decision {
        decisionId
        learnerId
        decision
        reason
        decidedBy {
          id
          role
        }
        record {
          ...ConsoleDecisionRecord
        }
      }
    }
  }
`);

/** A past decision's record, from the history: the ApplicationDecided event keeps it whole (admins and compliance read it). */
export const DECISION_HISTORY = graphql(`
  query ConsoleDecisionHistory($enrollmentId: ID!) {
    auditTrail(filter: { enrollmentId: $enrollmentId, types: ["ApplicationDecided"] }, first: 20) {
      edges {
        node {
          position
          occurredAt
          data
          actor {
            id
            role
          }
        }
      }
    }
  }
`);
