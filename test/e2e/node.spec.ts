import { eventually } from '@sooc/util/testing';
import { CLOSE, draftCourse } from './cohorts.fixture';
import type { Persona } from '@sooc/auth/testing';
import { ADMIN, dossier, openCohort as openFirstCome, reviewerOf } from './enrollment.fixture';
import { startGateway, type Harness } from './gateway.harness';
import { apply, defineRubric, openCohort as openReviewCohort } from './selection.fixture';

const NODE = `query Node($id: ID!, $at: Position) {
  node(id: $id, consistentWith: $at) {
    __typename
    id
    ... on Course { courseId title }
    ... on Cohort { cohortId title }
    ... on Application { enrollmentId status learnerId }
    ... on CohortDashboard { cohortId capacity }
    ... on CohortGroups { cohortId formation }
    ... on Rubric { cohortId version }
  }
}`;

interface NodeAnswer {
  readonly node: ({ __typename: string; id: string } & Record<string, unknown>) | null;
}

describe('node(id:): any cached object read again by its global id', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startGateway();
  });
  afterAll(() => h.close());

  async function node(id: string, as: Persona = ADMIN) {
    const answer = await h.gql<NodeAnswer>(NODE, { id }, as);
    expect(answer.errors).toBeUndefined();
    return answer.data!.node;
  }

  /** The `id` an object's own query answers, and what node() gives for it. */
  async function roundTrip(query: string, variables: Record<string, unknown>, pick: (data: never) => { id: string }) {
    const answer = await h.gql(query, variables, ADMIN);
    expect(answer.errors).toBeUndefined();
    const { id } = pick(answer.data as never);
    return { id, node: await node(id) };
  }

  it('finds a course, a cohort, its dashboard, groups and rubric, and an application, each as its type', async () => {
    const courseId = await draftCourse(h, { title: 'Node course' });
    const course = await roundTrip(
      'query($courseId: ID!, $at: Position) { course(courseId: $courseId, consistentWith: $at) { id } }',
      { courseId },
      (d: { course: { id: string } }) => d.course,
    );
    expect(course.node).toEqual({ __typename: 'Course', id: course.id, courseId, title: 'Node course' });

    const cohortId = await openFirstCome(h, { selectionPolicy: 'FIRST_COME', capacity: 12 });
    const cohort = await roundTrip(
      'query($cohortId: ID!, $at: Position) { cohort(cohortId: $cohortId, consistentWith: $at) { id } }',
      { cohortId },
      (d: { cohort: { id: string } }) => d.cohort,
    );
    expect(cohort.node).toMatchObject({ __typename: 'Cohort', id: cohort.id, cohortId });

    const dashboard = await roundTrip(
      'query($cohortId: ID!, $at: Position) { cohortDashboard(cohortId: $cohortId, consistentWith: $at) { id } }',
      { cohortId },
      (d: { cohortDashboard: { id: string } }) => d.cohortDashboard,
    );
    expect(dashboard.node).toEqual({ __typename: 'CohortDashboard', id: dashboard.id, cohortId, capacity: 12 });

    const submitted = await h.gql<{ submitApplication: { application: { id: string; enrollmentId: string } } }>(
      'mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { position application { id enrollmentId } } }',
      { input: { cohortId, learnerId: 'ada', dossier: dossier() } },
    );
    const { application } = submitted.data!.submitApplication;
    expect(await node(application.id)).toMatchObject({
      __typename: 'Application',
      id: application.id,
      enrollmentId: application.enrollmentId,
      learnerId: 'ada',
    });

    // A confirmed learner, then a formation of groups.
    await eventually(
      () => node(application.id),
      (n) => n?.['status'] === 'OFFERED',
      10_000,
    );
    const accepted = await h.gql('mutation($input: AcceptOfferInput!) { acceptOffer(input: $input) { position } }', {
      input: { cohortId, learnerId: 'ada' },
    });
    expect(accepted.errors).toBeUndefined();
    expect((await h.gql(CLOSE, { cohortId })).errors).toBeUndefined(); // groups form once applications close
    const formed = await h.gql<{ formGroups: { groups: { id: string } } }>(
      'mutation($input: FormGroupsInput!) { formGroups(input: $input) { position groups { id } } }',
      { input: { cohortId, targetSize: 4, seed: 'node-spec' } },
    );
    expect(formed.errors).toBeUndefined();
    const groupsId = formed.data!.formGroups.groups.id;
    expect(await node(groupsId)).toEqual({ __typename: 'CohortGroups', id: groupsId, cohortId, formation: 1 });

    const reviewed = await openReviewCohort(h, 'REVIEW');
    await defineRubric(h, reviewed);
    const rubric = await roundTrip(
      'query($cohortId: ID!, $at: Position) { rubric(cohortId: $cohortId, consistentWith: $at) { id } }',
      { cohortId: reviewed },
      (d: { rubric: { id: string } }) => d.rubric,
    );
    expect(rubric.node).toEqual({ __typename: 'Rubric', id: rubric.id, cohortId: reviewed, version: 1 });
  });

  it('keeps the blind review: a reviewer reading an application by its id sees no learner', async () => {
    const cohortId = await openReviewCohort(h, 'REVIEW');
    await defineRubric(h, cohortId, { blind: true });
    const learnerId = await apply(h, cohortId);
    const listed = await h.gql<{ applications: { edges: { node: { id: string } }[] } }>(
      'query($cohortId: ID!, $at: Position) { applications(cohortId: $cohortId, consistentWith: $at) { edges { node { id } } } }',
      { cohortId },
      ADMIN,
    );
    const id = listed.data!.applications.edges[0]!.node.id;
    expect(await node(id, ADMIN)).toMatchObject({ learnerId });
    expect(await node(id, reviewerOf(cohortId))).toMatchObject({ __typename: 'Application', learnerId: null });
  });

  it('answers null, never an error, for an id that names nothing, has an unknown type or is not a global id', async () => {
    for (const id of ['Cohort:no-such-cohort', 'Application:nobody', 'Spaceship:1', 'no-colon', '', ':', 'Cohort:'])
      expect(await node(id)).toBeNull();
  });
});
