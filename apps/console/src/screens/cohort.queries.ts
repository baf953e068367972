import { graphql } from '../gql';

/**
 * The cohort screen's one round trip: the cohort, its dashboard (seats, waitlist, companies,
 * applications by status), its first applications (the flow over time) and the offers held. The
 * page sizes keep the document under the gateway's cost limit (GRAPHQL_MAX_COST, 5000).
 */
export const COHORT_SCREEN = graphql(`
  query ConsoleCohort($cohortId: ID!) {
    cohort(cohortId: $cohortId) {
      id
      cohortId
      title
      courseTitle
      status
      capacity
      selectionPolicy
      startsOn
      endsOn
      applicationWindow {
        opensAt
        closesAt
      }
    }
    cohortDashboard(cohortId: $cohortId, waitlistFirst: 50) {
      ...ConsoleDashboard
    }
    ...ConsoleCohortListFields
  }
`);

/**
 * The lists the dashboard does not carry: the first applications (the flow over time) and the
 * offers held. One fragment, so the screen's query and the re-read after an update select the
 * same fields with the same arguments (the cache then updates the screen).
 */
export const COHORT_LISTS_FIELDS = graphql(`
  fragment ConsoleCohortListFields on Query {
    recent: applications(cohortId: $cohortId, first: 50) {
      totalCount
      edges {
        node {
          id
          submittedAt
        }
      }
    }
    offered: applications(cohortId: $cohortId, status: OFFERED, first: 20) {
      totalCount
      edges {
        node {
          id
          learnerId
          reference
          companyId
          offerExpiresAt
        }
      }
    }
  }
`);

/**
 * The lists, read again after each dashboard update. Not the dashboard itself: a read that
 * started before the latest update could land after it and show an older dashboard.
 */
export const COHORT_LISTS = graphql(`
  query ConsoleCohortLists($cohortId: ID!) {
    ...ConsoleCohortListFields
  }
`);

export const DASHBOARD_FIELDS = graphql(`
  fragment ConsoleDashboard on CohortDashboard {
    id
    title
    capacity
    reserved
    confirmed
    free
    fillRate
    waitlistLength
    updatedAt
    waitlist {
      position
      learnerId
      reference
      companyId
      score
      waitlistedAt
    }
    companies {
      companyId
      quota
      reserved
      confirmed
      waitlisted
      applications
    }
    applicationsByStatus {
      status
      count
    }
  }
`);

/** The dashboard after each change, over graphql-ws: the cache merges it into the screen by its id. */
export const DASHBOARD_UPDATED = graphql(`
  subscription ConsoleDashboardUpdated($cohortId: ID!) {
    cohortDashboardUpdated(cohortId: $cohortId) {
      ...ConsoleDashboard
    }
  }
`);

export const OPEN_APPLICATIONS = graphql(`
  mutation ConsoleOpenApplications($cohortId: ID!) {
    openApplications(input: { cohortId: $cohortId }) {
      cohort {
        id
        status
      }
    }
  }
`);

export const CLOSE_APPLICATIONS = graphql(`
  mutation ConsoleCloseApplications($cohortId: ID!) {
    closeApplications(input: { cohortId: $cohortId }) {
      cohort {
        id
        status
      }
    }
  }
`);

export const CHANGE_CAPACITY = graphql(`
  mutation ConsoleChangeCapacity($cohortId: ID!, $capacity: Int!) {
    changeCapacity(input: { cohortId: $cohortId, capacity: $capacity }) {
      cohort {
        id
        capacity
      }
      warnings
    }
  }
`);

export const SET_COMPANY_QUOTA = graphql(`
  mutation ConsoleSetCompanyQuota($cohortId: ID!, $companyId: ID!, $seats: Int!) {
    setCompanyQuota(input: { cohortId: $cohortId, companyId: $companyId, seats: $seats }) {
      cohort {
        id
      }
      warnings
    }
  }
`);

export const FORM_GROUPS = graphql(`
  mutation ConsoleFormGroups($cohortId: ID!, $targetSize: Int) {
    formGroups(input: { cohortId: $cohortId, targetSize: $targetSize }) {
      groups {
        id
        formation
        groups {
          groupId
        }
      }
    }
  }
`);
