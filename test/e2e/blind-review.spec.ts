import { startGateway, type Harness } from './gateway.harness';
import { apply, CRITERIA, defineRubric, openCohort, reviewer } from './selection.fixture';

const LIST = `query($c: ID!, $at: Position) {
  applications(cohortId: $c, consistentWith: $at) { edges { node { id reference enrollmentId learnerId companyId motivation } } }
}`;
const REVIEW_BY_REFERENCE = `mutation($input: ReviewApplicationInput!) {
  reviewApplication(input: $input) { position review { enrollmentId reference reviewerId score } }
}`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on Application { reference enrollmentId learnerId companyId } } }`;
const scores = CRITERIA.map(({ id }) => ({ criterionId: id, score: 4 }));

interface Listed {
  readonly applications: { edges: { node: Record<string, string | null> }[] };
}

describe('blind review: reviewers see and act on an opaque reference, never a learner or company id', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startGateway();
  });
  afterAll(() => h.close());

  it('lists, reads by node and reviews by reference; no answer holds the learner id or the company id', async () => {
    const cohortId = await openCohort(h, 'REVIEW');
    await defineRubric(h, cohortId, { blind: true, reviewsRequired: 1 });
    const learnerId = await apply(h, cohortId, 'initech');
    const rev = reviewer('rev-blind', cohortId);
    const answers: string[] = [];
    const asReviewer = async <T>(query: string, variables: Record<string, unknown>) => {
      const answer = await h.gql<T>(query, variables, rev);
      answers.push(JSON.stringify(answer));
      return answer;
    };

    const listed = await asReviewer<Listed>(LIST, { c: cohortId });
    const node = listed.data!.applications.edges[0]!.node;
    expect(node).toEqual({
      id: `Application:${node['reference']}`,
      reference: expect.stringMatching(/^ref_[\w-]+$/),
      enrollmentId: null,
      learnerId: null,
      companyId: null,
      motivation: expect.any(String),
    });
    const again = await asReviewer<{ node: Record<string, unknown> }>(NODE, { id: node['id'] });
    expect(again.data!.node).toEqual({
      id: node['id'],
      reference: node['reference'],
      enrollmentId: null,
      learnerId: null,
      companyId: null,
    });

    const reviewed = await asReviewer<{ reviewApplication: { review: Record<string, unknown> } }>(REVIEW_BY_REFERENCE, {
      input: { cohortId, reference: node['reference'], scores },
    });
    expect(reviewed.errors).toBeUndefined();
    expect(reviewed.data!.reviewApplication.review).toEqual({
      enrollmentId: null,
      reference: node['reference'],
      reviewerId: 'rev-blind',
      score: expect.any(Number),
    });

    for (const text of answers) {
      expect(text).not.toContain(learnerId);
      expect(text).not.toContain('initech');
    }
    // The admin sees who it was, and the review landed on that application.
    const asAdmin = await h.gql<Listed>(LIST, { c: cohortId });
    expect(asAdmin.data!.applications.edges[0]!.node).toMatchObject({
      learnerId,
      companyId: 'initech',
      reference: node['reference'],
    });
  });

  it('refuses a reference that was altered, made up, of another cohort, or given with a learner id, writing nothing', async () => {
    const cohortId = await openCohort(h, 'REVIEW');
    const other = await openCohort(h, 'REVIEW');
    await defineRubric(h, cohortId, { blind: true, reviewsRequired: 1 });
    await defineRubric(h, other, { blind: true, reviewsRequired: 1 });
    const learnerId = await apply(h, cohortId);
    await apply(h, other);
    const rev = reviewer('rev-2', cohortId, other);
    const referenceIn = async (c: string) =>
      (await h.gql<Listed>(LIST, { c }, rev)).data!.applications.edges[0]!.node['reference']!;
    const mine = await referenceIn(cohortId);
    const altered = `${mine.slice(0, -2)}${mine.endsWith('AA') ? 'BB' : 'AA'}`;
    const cases: [string, Record<string, unknown>, string][] = [
      ['altered', { reference: altered }, 'reference does not name an application of cohort'],
      [
        'made up',
        { reference: 'ref_bm90IGEgcmVmZXJlbmNlIGF0IGFsbA' },
        'reference does not name an application of cohort',
      ],
      [
        'of another cohort',
        { reference: await referenceIn(other) },
        'reference does not name an application of cohort',
      ],
      ['with a learner id too', { reference: mine, learnerId }, 'give learnerId or reference, not both'],
      ['neither', {}, 'learnerId'],
    ];
    for (const [name, ref, message] of cases) {
      const before = (await h.events()).length;
      const answer = await h.gql(REVIEW_BY_REFERENCE, { input: { cohortId, scores, ...ref } }, rev);
      expect({ name, code: answer.errors?.[0]?.extensions?.['code'], message: answer.errors?.[0]?.message }).toEqual({
        name,
        code: 'BAD_USER_INPUT',
        message: expect.stringContaining(message),
      });
      expect((await h.events()).length).toBe(before);
    }
  });
});
