import type { Persona } from '@sooc/auth/testing';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { startGateway, type Harness } from './gateway.harness';

/**
 * The access policy as its users meet it: every root field of the schema × every role, through
 * the real gateway (HTTP for queries and mutations, graphql-ws for subscriptions). Each operation
 * names a cohort in the facilitator's and reviewer's tokens and the learner's own id, so "allowed"
 * is the role's rule alone; the rows "… elsewhere" name another cohort or learner. An allowed call
 * may still fail on the domain (the cohort does not exist): it only must not be refused for access.
 */
const A = 'allowed';
const F = 'FORBIDDEN';
const U = 'UNAUTHENTICATED';
type Expected = typeof A | typeof F | typeof U;

const ROLES = ['admin', 'compliance', 'facilitator', 'reviewer', 'partner', 'learner', 'anonymous'] as const;
type RoleName = (typeof ROLES)[number];

const COHORT = 'c-scope';
/** The partner token's company ('acme') speaks through PARTNER; OTHER_PARTNER is another company's. */
const PARTNER = 'p-acme';
const OTHER_PARTNER = 'p-globex';
const ENDPOINT = 'ep-scope';
const OTHER_COHORT = 'c-elsewhere';
const PERSONAS: Record<RoleName, Persona | null> = {
  admin: { role: 'admin', subject: 'admin-1' },
  compliance: { role: 'compliance', subject: 'auditor-1' },
  facilitator: { role: 'facilitator', subject: 'fac-1', cohorts: [COHORT] },
  reviewer: { role: 'reviewer', subject: 'rev-1', cohorts: [COHORT] },
  partner: { role: 'partner', subject: 'acme-hr', companyId: 'acme' },
  learner: { role: 'learner', subject: 'ada', learnerId: 'ada' },
  anonymous: null,
};

interface Operation {
  readonly document: string;
  readonly variables?: Record<string, unknown>;
  /** A subscription that, let through, may stay silent until something happens (a feed at its end). */
  readonly waits?: boolean;
}

const window = { opensAt: '2030-01-07T08:00:00Z', closesAt: '2030-02-01T00:00:00Z' };
const dossier = { motivation: 'Peers.', level: 'BEGINNER', companyId: 'acme', answers: [], prerequisitesMet: [] };
const mutation = (name: string, input: Record<string, unknown>, select = 'position'): Operation => ({
  document: `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${select} } }`,
  variables: { input },
});
const cohortMutation = (name: string, extra: Record<string, unknown> = {}, cohortId = COHORT) =>
  mutation(name, { cohortId, ...extra });
const learnerMutation = (name: string, extra: Record<string, unknown> = {}, learnerId = 'ada') =>
  mutation(name, { cohortId: COHORT, learnerId, ...extra });
const endpointMutation = (name: string, extra: Record<string, unknown> = {}, partnerId = PARTNER) =>
  mutation(name, { partnerId, endpointId: ENDPOINT, ...extra });
const partnerInput = (partnerId: string, companyId: string) => ({
  partnerId,
  companyId,
  name: 'Partner',
  contact: `hr@${companyId}.example`,
});
/** Nobody listens there: the embedded delivery worker's attempts fail on this host, never leave it. */
const HOOK_URL = 'http://127.0.0.1:9/hooks';

const OPERATIONS: Record<string, Operation> = {
  'Query.cohorts': { document: '{ cohorts { totalCount } }' },
  'Query.cohort': { document: `{ cohort(cohortId: "${COHORT}") { id } }` },
  'Query.course': { document: '{ course(courseId: "no-course") { id } }' },
  'Query.node': { document: `{ node(id: "Cohort:${COHORT}") { id } }` },
  'Query.node of a dashboard': { document: `{ node(id: "CohortDashboard:${COHORT}") { id } }` },
  'Query.node of a rubric': { document: `{ node(id: "Rubric:${COHORT}") { id } }` },
  'Query.node of an application': {
    document: '{ node(id: "Application:ref_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA") { id } }',
  },
  'Query.cohortDashboard': { document: `{ cohortDashboard(cohortId: "${COHORT}") { capacity } }` },
  'Query.cohortDashboard elsewhere': { document: `{ cohortDashboard(cohortId: "${OTHER_COHORT}") { capacity } }` },
  'Query.groups': { document: `{ groups(cohortId: "${COHORT}") { formation } }` },
  'Query.rubric': { document: `{ rubric(cohortId: "${COHORT}") { version } }` },
  'Query.applications': { document: `{ applications(cohortId: "${COHORT}") { totalCount } }` },
  'Query.applications elsewhere': { document: `{ applications(cohortId: "${OTHER_COHORT}") { totalCount } }` },
  'Query.application': { document: `{ application(cohortId: "${COHORT}", learnerId: "ada") { status } }` },
  'Query.application of another learner': {
    document: `{ application(cohortId: "${COHORT}", learnerId: "bob") { status } }`,
  },
  'Query.learnerEnrollments': { document: '{ learnerEnrollments(learnerId: "ada") { totalCount } }' },
  'Query.learnerEnrollments of another learner': {
    document: '{ learnerEnrollments(learnerId: "bob") { totalCount } }',
  },

  'Query.auditTrail': { document: `{ auditTrail(filter: { cohortId: "${COHORT}" }) { totalCount } }` },

  'Query.cohortAsOf': { document: `{ cohortAsOf(cohortId: "${COHORT}", at: { position: "1" }) { status } }` },
  'Query.enrollmentAsOf': {
    document: `{ enrollmentAsOf(cohortId: "${COHORT}", learnerId: "ada", at: { position: "1" }) { status } }`,
  },
  'Query.learnerHistory': { document: '{ learnerHistory(learnerId: "ada") { enrollmentId } }' },
  'Query.exportLearnerData': { document: '{ exportLearnerData(learnerId: "ada") { personalData } }' },
  'Query.exportLearnerData of another learner': {
    document: '{ exportLearnerData(learnerId: "bob") { personalData } }',
  },
  // A learner nobody applied as: the allowed role reaches the resolver (LEARNER.NOT_FOUND), erasing nothing.
  'Mutation.eraseLearner': mutation('eraseLearner', { learnerId: 'nobody', reason: 'ticket 1' }),
  'Mutation.draftCourse': mutation('draftCourse', {
    title: 'T',
    summary: 'S',
    topics: [],
    language: 'en',
    selectionPolicy: 'FIRST_COME',
    defaultCapacity: 20,
  }),
  'Mutation.planCohort': mutation('planCohort', {
    courseId: 'no-course',
    title: 'T',
    capacity: 20,
    applicationWindow: window,
    startsOn: '2030-02-10',
    endsOn: '2030-03-24',
  }),
  'Mutation.configureCohort': cohortMutation('configureCohort', { offerTtlHours: 24 }),
  'Mutation.openApplications': cohortMutation('openApplications'),
  'Mutation.closeApplications': cohortMutation('closeApplications'),
  'Mutation.changeCapacity': cohortMutation('changeCapacity', { capacity: 20 }),
  'Mutation.setCompanyQuota': cohortMutation('setCompanyQuota', { companyId: 'acme', seats: 2 }),
  'Mutation.cancelCohort': cohortMutation('cancelCohort', { reason: 'r' }),
  'Mutation.defineRubric': cohortMutation('defineRubric', {
    criteria: [{ id: 'fit', label: 'Fit', weight: 1 }],
    blind: false,
    reviewsRequired: 1,
  }),
  'Mutation.startCohort': cohortMutation('startCohort'),
  'Mutation.startCohort elsewhere': cohortMutation('startCohort', {}, OTHER_COHORT),
  'Mutation.completeCohort': cohortMutation('completeCohort'),
  'Mutation.formGroups': cohortMutation('formGroups'),
  'Mutation.recordAttendance': learnerMutation('recordAttendance', { session: 1, attended: true }),
  'Mutation.decideApplication': learnerMutation('decideApplication', { decision: 'ADMIT', reason: 'r' }),
  'Mutation.reviewApplication': learnerMutation('reviewApplication', { scores: [{ criterionId: 'fit', score: 3 }] }),
  'Mutation.reviewApplication elsewhere': mutation('reviewApplication', {
    cohortId: OTHER_COHORT,
    learnerId: 'ada',
    scores: [{ criterionId: 'fit', score: 3 }],
  }),
  'Mutation.submitApplication': learnerMutation('submitApplication', { dossier }),
  'Mutation.submitApplication for another learner': learnerMutation('submitApplication', { dossier }, 'bob'),
  'Mutation.withdrawApplication': learnerMutation('withdrawApplication'),
  'Mutation.acceptOffer': learnerMutation('acceptOffer'),
  'Mutation.declineOffer': learnerMutation('declineOffer'),
  'Mutation.declineOffer for another learner': learnerMutation('declineOffer', {}, 'bob'),
  'Mutation.registerPartner': mutation('registerPartner', partnerInput('p-new', 'initech')),
  'Mutation.suspendPartner': mutation('suspendPartner', { partnerId: PARTNER, reason: 'r' }),
  'Mutation.resumePartner': mutation('resumePartner', { partnerId: PARTNER, reason: 'r' }),
  // The partner token's own partner (its company's), then another company's: the partners API checks which.
  'Mutation.addWebhookEndpoint': mutation('addWebhookEndpoint', { partnerId: PARTNER, url: HOOK_URL }),
  'Mutation.addWebhookEndpoint elsewhere': mutation('addWebhookEndpoint', { partnerId: OTHER_PARTNER, url: HOOK_URL }),
  'Mutation.rotateWebhookSecret': endpointMutation('rotateWebhookSecret'),
  'Mutation.rotateWebhookSecret elsewhere': endpointMutation('rotateWebhookSecret', {}, OTHER_PARTNER),
  'Mutation.disableWebhookEndpoint': endpointMutation('disableWebhookEndpoint', { reason: 'r' }),
  'Mutation.disableWebhookEndpoint elsewhere': endpointMutation(
    'disableWebhookEndpoint',
    { reason: 'r' },
    OTHER_PARTNER,
  ),
  'Mutation.enableWebhookEndpoint': endpointMutation('enableWebhookEndpoint'),
  'Mutation.enableWebhookEndpoint elsewhere': endpointMutation('enableWebhookEndpoint', {}, OTHER_PARTNER),
  'Mutation.replayWebhookDeliveries': endpointMutation('replayWebhookDeliveries', { fromPosition: '1' }),
  'Mutation.replayWebhookDeliveries elsewhere': endpointMutation(
    'replayWebhookDeliveries',
    { fromPosition: '1' },
    OTHER_PARTNER,
  ),
  'Mutation.removeWebhookEndpoint': endpointMutation('removeWebhookEndpoint'),
  'Mutation.removeWebhookEndpoint elsewhere': endpointMutation('removeWebhookEndpoint', {}, OTHER_PARTNER),

  'Subscription.cohortDashboardUpdated': {
    document: `subscription { cohortDashboardUpdated(cohortId: "${COHORT}") { capacity } }`,
  },
  'Subscription.cohortDashboardUpdated elsewhere': {
    document: `subscription { cohortDashboardUpdated(cohortId: "${OTHER_COHORT}") { capacity } }`,
  },
  'Subscription.cohortUpdated': { document: `subscription { cohortUpdated(cohortId: "${COHORT}") { status } }` },
  'Query.partners': { document: '{ partners { partnerId } }' },
  'Query.partnerEvents': { document: '{ partnerEvents(companyId: "acme") { edges { cursor } } }' },
  'Query.partnerEvents elsewhere': { document: '{ partnerEvents(companyId: "globex") { edges { cursor } } }' },
  'Query.webhookDeliveries': {
    document: `{ webhookDeliveries(partnerId: "${PARTNER}", endpointId: "${ENDPOINT}") { nodes { eventId } } }`,
  },
  'Query.webhookDeliveries elsewhere': {
    document: `{ webhookDeliveries(partnerId: "${OTHER_PARTNER}", endpointId: "${ENDPOINT}") { nodes { eventId } } }`,
  },
  'Query.webhookEndpoints': { document: `{ webhookEndpoints(partnerId: "${PARTNER}") { endpointId status } }` },
  'Query.webhookEndpoints elsewhere': {
    document: `{ webhookEndpoints(partnerId: "${OTHER_PARTNER}") { endpointId status } }`,
  },
  'Subscription.partnerEventStream': {
    document: 'subscription { partnerEventStream(companyId: "acme") { cursor } }',
    waits: true,
  },
  'Subscription.partnerEventStream elsewhere': {
    document: 'subscription { partnerEventStream(companyId: "globex") { cursor } }',
    waits: true,
  },
};

// prettier-ignore
const MATRIX: readonly [operation: string, ...expected: Expected[]][] = [
  //                                               admin compl facil review partner learner anonymous
  ['Query.cohorts',                                 A,    A,    A,    A,     A,      A,      A],
  ['Query.cohort',                                  A,    A,    A,    A,     A,      A,      A],
  ['Query.course',                                  A,    A,    A,    A,     A,      A,      A],
  ['Query.node',                                    A,    A,    A,    A,     A,      A,      A],
  ['Query.node of a dashboard',                     A,    A,    A,    F,     F,      F,      U],
  ['Query.node of a rubric',                        A,    A,    A,    A,     F,      F,      U],
  ['Query.node of an application',                  A,    A,    A,    A,     A,      A,      U],
  ['Query.cohortDashboard',                         A,    A,    A,    F,     F,      F,      U],
  ['Query.cohortDashboard elsewhere',               A,    A,    F,    F,     F,      F,      U],
  ['Query.groups',                                  A,    A,    A,    F,     F,      F,      U],
  ['Query.rubric',                                  A,    A,    A,    A,     F,      F,      U],
  ['Query.applications',                            A,    A,    A,    A,     A,      F,      U],
  ['Query.applications elsewhere',                  A,    A,    F,    F,     A,      F,      U],
  ['Query.application',                             A,    A,    A,    A,     A,      A,      U],
  ['Query.application of another learner',          A,    A,    A,    A,     A,      F,      U],
  ['Query.learnerEnrollments',                      A,    A,    F,    F,     A,      A,      U],
  ['Query.learnerEnrollments of another learner',   A,    A,    F,    F,     A,      F,      U],
  ['Query.auditTrail',                              A,    A,    F,    F,     F,      F,      U],
  ['Query.cohortAsOf',                              A,    A,    A,    F,     F,      F,      U],
  ['Query.enrollmentAsOf',                          A,    A,    A,    F,     F,      A,      U],
  ['Query.learnerHistory',                          A,    A,    F,    F,     F,      F,      U],
  ['Query.exportLearnerData',                       F,    A,    F,    F,     F,      A,      U],
  ['Query.exportLearnerData of another learner',    F,    A,    F,    F,     F,      F,      U],
  ['Mutation.eraseLearner',                         F,    A,    F,    F,     F,      F,      U],
  ['Mutation.draftCourse',                          A,    F,    F,    F,     F,      F,      U],
  ['Mutation.planCohort',                           A,    F,    F,    F,     F,      F,      U],
  ['Mutation.configureCohort',                      A,    F,    F,    F,     F,      F,      U],
  ['Mutation.openApplications',                     A,    F,    F,    F,     F,      F,      U],
  ['Mutation.closeApplications',                    A,    F,    F,    F,     F,      F,      U],
  ['Mutation.changeCapacity',                       A,    F,    F,    F,     F,      F,      U],
  ['Mutation.setCompanyQuota',                      A,    F,    F,    F,     F,      F,      U],
  ['Mutation.cancelCohort',                         A,    F,    F,    F,     F,      F,      U],
  ['Mutation.defineRubric',                         A,    F,    F,    F,     F,      F,      U],
  ['Mutation.startCohort',                          A,    F,    A,    F,     F,      F,      U],
  ['Mutation.startCohort elsewhere',                A,    F,    F,    F,     F,      F,      U],
  ['Mutation.completeCohort',                       A,    F,    A,    F,     F,      F,      U],
  ['Mutation.formGroups',                           A,    F,    A,    F,     F,      F,      U],
  ['Mutation.recordAttendance',                     A,    F,    A,    F,     F,      F,      U],
  ['Mutation.decideApplication',                    A,    F,    A,    F,     F,      F,      U],
  ['Mutation.reviewApplication',                    A,    F,    F,    A,     F,      F,      U],
  ['Mutation.reviewApplication elsewhere',          A,    F,    F,    F,     F,      F,      U],
  ['Mutation.submitApplication',                    A,    F,    F,    F,     F,      A,      U],
  ['Mutation.submitApplication for another learner',A,    F,    F,    F,     F,      F,      U],
  ['Mutation.withdrawApplication',                  A,    F,    F,    F,     F,      A,      U],
  ['Mutation.acceptOffer',                          A,    F,    F,    F,     F,      A,      U],
  ['Mutation.declineOffer',                         A,    F,    F,    F,     F,      A,      U],
  ['Mutation.declineOffer for another learner',     A,    F,    F,    F,     F,      F,      U],
  ['Mutation.registerPartner',                      A,    F,    F,    F,     F,      F,      U],
  ['Mutation.suspendPartner',                       A,    F,    F,    F,     F,      F,      U],
  ['Mutation.resumePartner',                        A,    F,    F,    F,     F,      F,      U],
  ['Mutation.addWebhookEndpoint',                   A,    F,    F,    F,     A,      F,      U],
  ['Mutation.addWebhookEndpoint elsewhere',         A,    F,    F,    F,     F,      F,      U],
  ['Mutation.rotateWebhookSecret',                  A,    F,    F,    F,     A,      F,      U],
  ['Mutation.rotateWebhookSecret elsewhere',        A,    F,    F,    F,     F,      F,      U],
  ['Mutation.disableWebhookEndpoint',               A,    F,    F,    F,     A,      F,      U],
  ['Mutation.disableWebhookEndpoint elsewhere',     A,    F,    F,    F,     F,      F,      U],
  ['Mutation.enableWebhookEndpoint',                A,    F,    F,    F,     A,      F,      U],
  ['Mutation.enableWebhookEndpoint elsewhere',      A,    F,    F,    F,     F,      F,      U],
  ['Mutation.replayWebhookDeliveries',              A,    F,    F,    F,     A,      F,      U],
  ['Mutation.replayWebhookDeliveries elsewhere',    A,    F,    F,    F,     F,      F,      U],
  ['Mutation.removeWebhookEndpoint',                A,    F,    F,    F,     A,      F,      U],
  ['Mutation.removeWebhookEndpoint elsewhere',      A,    F,    F,    F,     F,      F,      U],
  ['Subscription.cohortDashboardUpdated',           A,    A,    A,    F,     F,      F,      U],
  ['Subscription.cohortDashboardUpdated elsewhere', A,    A,    F,    F,     F,      F,      U],
  ['Subscription.cohortUpdated',                    A,    A,    A,    A,     A,      A,      U],
  ['Query.partners',                                A,    F,    F,    F,     A,      F,      U],
  ['Query.partnerEvents',                           A,    F,    F,    F,     A,      F,      U],
  ['Query.partnerEvents elsewhere',                 A,    F,    F,    F,     F,      F,      U],
  ['Query.webhookDeliveries',                       A,    F,    F,    F,     A,      F,      U],
  ['Query.webhookDeliveries elsewhere',             A,    F,    F,    F,     F,      F,      U],
  ['Query.webhookEndpoints',                        A,    F,    F,    F,     A,      F,      U],
  ['Query.webhookEndpoints elsewhere',              A,    F,    F,    F,     F,      F,      U],
  ['Subscription.partnerEventStream',               A,    F,    F,    F,     A,      F,      U],
  ['Subscription.partnerEventStream elsewhere',     A,    F,    F,    F,     F,      F,      U],
];

type Outcome = Expected | `other: ${string}`;

/** The access outcome of one answer: refused (and how), or let through to the resolver. */
function outcomeOf(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): Outcome {
  const code = errors?.[0]?.extensions?.['code'];
  if (code === F || code === U) return code;
  return A;
}

describe('the access policy: every root field × every role', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startGateway({ SOOC_WEBHOOK_ALLOW_PRIVATE: 'true' });
    // The partners the partner rows name, each with the endpoint they act on.
    for (const [partnerId, companyId] of [
      [PARTNER, 'acme'],
      [OTHER_PARTNER, 'globex'],
    ] as const) {
      for (const { document, variables } of [
        mutation('registerPartner', partnerInput(partnerId, companyId)),
        mutation('addWebhookEndpoint', { partnerId, endpointId: ENDPOINT, url: HOOK_URL }),
      ]) {
        const answer = await h.gql(document, variables);
        if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      }
    }
  });
  afterAll(() => h.close());

  async function run(operation: Operation, as: Persona | null): Promise<Outcome> {
    if (!operation.document.startsWith('subscription')) {
      const answer = await h.gql(operation.document, operation.variables, as);
      return outcomeOf(answer.errors);
    }
    const client = h.wsClient(as);
    try {
      // The error that ends it: a refusal, or (allowed) the cohort's NOT_FOUND, since no such cohort exists.
      const first = await new Promise<readonly { extensions?: Record<string, unknown> }[] | 'silence'>((resolve) => {
        const stop = client.subscribe(
          { query: operation.document },
          {
            next: (message) => resolve((message.errors ?? []) as never),
            error: (error) => resolve(Array.isArray(error) ? error : [{ extensions: { code: String(error) } }]),
            complete: () => resolve([]),
          },
        );
        setTimeout(() => {
          stop();
          resolve('silence');
        }, 5_000);
      });
      if (first === 'silence') return operation.waits ? A : 'other: no answer within 5 s';
      return outcomeOf(first);
    } finally {
      await client.dispose();
    }
  }

  it.each(MATRIX.map(([operation, ...expected]) => [operation, expected] as const))(
    '%s',
    async (operation, expected) => {
      const seen: Record<string, Outcome> = {};
      for (const role of ROLES) seen[role] = await run(OPERATIONS[operation]!, PERSONAS[role]);
      expect(seen).toEqual(Object.fromEntries(ROLES.map((role, i) => [role, expected[i]])));
    },
  );

  it('covers every field of the root types, with every role', async () => {
    const answer = await h.gql<IntrospectionQuery>(getIntrospectionQuery());
    const schema = buildClientSchema(answer.data!);
    const rootFields = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
      Object.keys(type!.getFields()).map((field) => `${type!.name}.${field}`),
    );
    const covered = new Set(MATRIX.map(([operation]) => operation));
    expect(rootFields.filter((field) => !covered.has(field))).toEqual([]);
    for (const [operation, ...expected] of MATRIX) {
      expect(OPERATIONS[operation]).toBeDefined();
      expect(expected).toHaveLength(ROLES.length);
    }
  });
});
