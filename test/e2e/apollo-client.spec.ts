import { ApolloClient, gql, HttpLink, InMemoryCache, type TypedDocumentNode } from '@apollo/client';
import { draftCourse, planCohort } from './cohorts.fixture';
import { openCohort, submit } from './enrollment.fixture';
import { ADMIN, startGateway, type Harness } from './gateway.harness';

/** Waits until the read models have this harness's last write (on EventStoreDB + PostgreSQL they follow it). */
async function caughtUp(h: Harness): Promise<void> {
  const answer = await h.gql('query($at: Position) { cohorts(first: 1, consistentWith: $at) { totalCount } }');
  expect(answer.errors).toBeUndefined();
}

/** A real Apollo Client, as a dashboard would build it: no typePolicies, no custom key functions. */
async function apolloClient(h: Harness): Promise<ApolloClient> {
  const headers = await h.authorization(ADMIN);
  return new ApolloClient({ link: new HttpLink({ uri: h.gateway.url, fetch, headers }), cache: new InMemoryCache() });
}

interface CohortNode {
  id: string;
  cohortId: string;
  title: string;
  capacity: number;
  startsOn: string;
}
interface ApplicationNode {
  id: string;
  enrollmentId: string;
  status: string;
  submittedAt: string;
}

const COHORTS: TypedDocumentNode<{ cohorts: { edges: { node: CohortNode }[] } }> = gql`
  query CachedCohorts {
    cohorts(first: 50) {
      edges {
        node {
          id
          cohortId
          title
          capacity
          startsOn
        }
      }
    }
  }
`;

const APPLICATIONS: TypedDocumentNode<{ applications: { edges: { node: ApplicationNode }[] } }, { cohortId: string }> =
  gql`
    query CachedApplications($cohortId: ID!) {
      applications(cohortId: $cohortId, first: 10) {
        edges {
          node {
            id
            enrollmentId
            status
            submittedAt
          }
        }
      }
    }
  `;

const CHANGE_CAPACITY = gql`
  mutation CachedChangeCapacity($input: ChangeCapacityInput!) {
    changeCapacity(input: $input) {
      cohort {
        id
        capacity
      }
    }
  }
`;

describe('Apollo Client against the gateway', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startGateway();
  });
  afterAll(() => h.close());

  it('normalises cohorts by their id, so a mutation updates every query that holds the cohort', async () => {
    const cohortId = await planCohort(h, await draftCourse(h), { capacity: 30 });
    await caughtUp(h);
    const client = await apolloClient(h);
    const listed = await client.query({ query: COHORTS, fetchPolicy: 'network-only' });
    const node = listed.data!.cohorts.edges.map((e) => e.node).find((n) => n.cohortId === cohortId)!;
    // The cache's key is Apollo Client's default, `<__typename>:<id>`: no typePolicies were needed.
    const entries = client.cache.extract() as Record<string, unknown>;
    expect(entries[`Cohort:${node.id}`]).toMatchObject({ cohortId, capacity: 30 });

    await client.mutate({ mutation: CHANGE_CAPACITY, variables: { input: { cohortId, capacity: 24 } } });

    // No refetch: the list reads the cohort from the one normalised entry the mutation changed.
    const cached = client.readQuery({ query: COHORTS });
    const again = cached!.cohorts.edges.find((e) => e.node.cohortId === cohortId)!;
    expect(again.node.capacity).toBe(24);
    expect(again.node.startsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('normalises applications, and reads a DateTime as an ISO-8601 string', async () => {
    const cohortId = await openCohort(h);
    const before = Date.now();
    await submit(h, cohortId, 'ada');
    await submit(h, cohortId, 'grace');
    await caughtUp(h);
    const client = await apolloClient(h);
    const { data } = await client.query({ query: APPLICATIONS, variables: { cohortId }, fetchPolicy: 'network-only' });
    const nodes = data!.applications.edges.map((e) => e.node);
    expect(nodes).toHaveLength(2);
    const entries = client.cache.extract() as Record<string, unknown>;
    for (const node of nodes) {
      expect(entries[`Application:${node.id}`]).toMatchObject({ enrollmentId: node.enrollmentId });
      expect(typeof node.submittedAt).toBe('string');
      expect(new Date(node.submittedAt).toISOString()).toBe(node.submittedAt);
      expect(Date.parse(node.submittedAt)).toBeGreaterThanOrEqual(before - 1000);
    }
  });
});
