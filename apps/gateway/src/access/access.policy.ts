import { boundToCohort, isLearner, type Principal, type Role } from '@sooc/auth';

/** Whether a principal allowed by role may run the operation with these arguments. */
export type ScopeRule = (principal: Principal, args: OperationArgs) => boolean;
export type OperationArgs = Readonly<Record<string, unknown>>;

/**
 * Per role, how far the operation reaches: `everywhere`, or a scope rule on its arguments.
 * `public` lets anyone in, with or without a token.
 */
export type AccessRule = { readonly public: true } | { readonly [role in Role]?: ScopeRule };

const everywhere: ScopeRule = () => true;

/** The cohort named by the arguments (`cohortId`, or `input.cohortId`) is one of the token's cohorts. */
const ownCohort: ScopeRule = (principal, args) => boundToCohort(principal, argument(args, 'cohortId'));

/** The learner named by the arguments is the token's learner: a learner acts for themselves only. */
const ownLearner: ScopeRule = (principal, args) => isLearner(principal, argument(args, 'learnerId'));

/**
 * Allowed everywhere, and the reader keeps to the rows the caller may read (a partner its
 * company's employees): see `mayReadApplication` in @sooc/auth.
 */
const ownRows: ScopeRule = everywhere;

function argument(args: OperationArgs, name: string): unknown {
  const input = args['input'];
  return name in args
    ? args[name]
    : input && typeof input === 'object'
      ? (input as Record<string, unknown>)[name]
      : undefined;
}

/**
 * A partner token acts for the partner registered for its company only. Which company a partner
 * speaks for is in the partner's stream, not in the arguments: the partners API checks it before
 * the command runs (`requireOwnPartner`, @sooc/partners-api) and refuses with the same FORBIDDEN.
 */
const ownPartner: ScopeRule = (principal) => principal.companyId !== null;

/** A partner token reads its own company's feed: `companyId` omitted, or its own. */
const ownCompany: ScopeRule = (principal, args) => {
  const companyId = argument(args, 'companyId');
  return (
    principal.companyId !== null && (companyId === undefined || companyId === null || companyId === principal.companyId)
  );
};

const PUBLIC: AccessRule = { public: true };
const READ_ALL = { admin: everywhere, compliance: everywhere } as const;
const ADMIN_ONLY: AccessRule = { admin: everywhere };
const RUN_THE_COHORT: AccessRule = { admin: everywhere, facilitator: ownCohort };
const FOR_THEMSELVES: AccessRule = { admin: everywhere, learner: ownLearner };
const PARTNER_ENDPOINTS: AccessRule = { admin: everywhere, partner: ownPartner };

/**
 * Who may run each root field of the schema, the one table of the API's access rules (deny by
 * default: a root field missing here is refused, and gateway.access.spec fails). Field and row
 * rules — what of an application each role sees — are in @sooc/auth's access.rules.ts.
 */
export const ACCESS_POLICY: Readonly<Record<string, AccessRule>> = {
  // The public catalogue: cohorts and courses, no learner data (anonymous callers see open cohorts only).
  'Query.cohorts': PUBLIC,
  'Query.cohort': PUBLIC,
  'Query.course': PUBLIC,
  // Each type's own rule, applied by the guard to the id's type (see NODE_OPERATIONS).
  'Query.node': PUBLIC,
  'Query.cohortDashboard': { ...READ_ALL, facilitator: ownCohort },
  'Query.groups': { ...READ_ALL, facilitator: ownCohort },
  'Query.rubric': { ...READ_ALL, facilitator: ownCohort, reviewer: ownCohort },
  'Query.applications': { ...READ_ALL, facilitator: ownCohort, reviewer: ownCohort, partner: ownRows },
  'Query.application': {
    ...READ_ALL,
    facilitator: ownCohort,
    reviewer: ownCohort,
    partner: ownRows,
    learner: ownLearner,
  },
  'Query.learnerEnrollments': { ...READ_ALL, partner: ownRows, learner: ownLearner },
  // Who did what to whom: the whole history, for those who answer for it.
  'Query.auditTrail': READ_ALL,
  'Query.learnerHistory': READ_ALL,
  'Query.cohortAsOf': { ...READ_ALL, facilitator: ownCohort },
  'Query.enrollmentAsOf': { ...READ_ALL, facilitator: ownCohort, learner: ownLearner },
  // A learner's rights over their data: compliance answers subject access requests and erases;
  // a learner may get their own data.
  'Query.exportLearnerData': { compliance: everywhere, learner: ownLearner },
  'Mutation.eraseLearner': { compliance: everywhere },

  'Mutation.draftCourse': ADMIN_ONLY,
  'Mutation.planCohort': ADMIN_ONLY,
  'Mutation.configureCohort': ADMIN_ONLY,
  'Mutation.openApplications': ADMIN_ONLY,
  'Mutation.closeApplications': ADMIN_ONLY,
  'Mutation.changeCapacity': ADMIN_ONLY,
  'Mutation.setCompanyQuota': ADMIN_ONLY,
  'Mutation.cancelCohort': ADMIN_ONLY,
  'Mutation.defineRubric': ADMIN_ONLY,
  'Mutation.startCohort': RUN_THE_COHORT,
  'Mutation.completeCohort': RUN_THE_COHORT,
  'Mutation.formGroups': RUN_THE_COHORT,
  'Mutation.recordAttendance': RUN_THE_COHORT,
  'Mutation.decideApplication': RUN_THE_COHORT,
  'Mutation.reviewApplication': { admin: everywhere, reviewer: ownCohort },
  'Mutation.submitApplication': FOR_THEMSELVES,
  'Mutation.withdrawApplication': FOR_THEMSELVES,
  'Mutation.acceptOffer': FOR_THEMSELVES,
  'Mutation.declineOffer': FOR_THEMSELVES,

  'Mutation.registerPartner': ADMIN_ONLY,
  'Mutation.suspendPartner': ADMIN_ONLY,
  'Mutation.resumePartner': ADMIN_ONLY,
  'Query.partnerEvents': { admin: everywhere, partner: ownCompany },
  'Query.partners': PARTNER_ENDPOINTS,
  'Query.webhookDeliveries': PARTNER_ENDPOINTS,
  'Query.webhookEndpoints': PARTNER_ENDPOINTS,
  'Subscription.partnerEventStream': { admin: everywhere, partner: ownCompany },
  'Mutation.addWebhookEndpoint': PARTNER_ENDPOINTS,
  'Mutation.rotateWebhookSecret': PARTNER_ENDPOINTS,
  'Mutation.disableWebhookEndpoint': PARTNER_ENDPOINTS,
  'Mutation.enableWebhookEndpoint': PARTNER_ENDPOINTS,
  'Mutation.removeWebhookEndpoint': PARTNER_ENDPOINTS,
  'Mutation.replayWebhookDeliveries': PARTNER_ENDPOINTS,

  'Subscription.cohortDashboardUpdated': { ...READ_ALL, facilitator: ownCohort },
  'Subscription.cohortUpdated': {
    ...READ_ALL,
    facilitator: everywhere,
    reviewer: everywhere,
    partner: everywhere,
    learner: everywhere,
  },
};

/**
 * `node(id:)` reads as the type's own query: the operation whose rule applies, and its
 * arguments, from the global id's type and key. An application's key is its opaque reference,
 * which names no cohort: its row rule is the reader's.
 */
export const NODE_OPERATIONS: Readonly<Record<string, (key: string) => [operation: string, args: OperationArgs]>> = {
  Course: (courseId) => ['Query.course', { courseId }],
  Cohort: (cohortId) => ['Query.cohort', { cohortId }],
  CohortDashboard: (cohortId) => ['Query.cohortDashboard', { cohortId }],
  CohortGroups: (cohortId) => ['Query.groups', { cohortId }],
  Rubric: (cohortId) => ['Query.rubric', { cohortId }],
  Application: () => ['Node.Application', {}],
};

/** Not a root field: the rule `node` applies to an application's global id (the reader keeps to the caller's rows). */
export const NODE_APPLICATION_RULE: AccessRule = {
  ...READ_ALL,
  facilitator: ownRows,
  reviewer: ownRows,
  partner: ownRows,
  learner: ownRows,
};

export type Decision = 'allowed' | 'unauthenticated' | 'forbidden';

/** Deny by default; no token where one is needed is `unauthenticated`, a token that is not enough `forbidden`. */
export function decide(rule: AccessRule | undefined, principal: Principal, args: OperationArgs): Decision {
  if (rule && 'public' in rule) return 'allowed';
  if (!principal.authenticated) return 'unauthenticated';
  const scope = rule && principal.role ? (rule as Partial<Record<Role, ScopeRule>>)[principal.role] : undefined;
  return scope?.(principal, args) ? 'allowed' : 'forbidden';
}
