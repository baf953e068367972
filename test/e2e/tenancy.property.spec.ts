import { randomUUID } from 'node:crypto';
import type { Persona } from '@sooc/auth/testing';
import fc from 'fast-check';
import { APPLICATION_FIELDS, openCohort, submit } from './enrollment.fixture';
import { startGateway, type Harness } from './gateway.harness';

/**
 * Tenancy as a property: over random companies, learners and cohorts, what a partner's or a
 * learner's token brings back — from every query it may send and from a subscription — never
 * holds another company's or another learner's id, nor the id of one of its own employees who
 * did not agree to be seen by it (`shareWithCompany`). Ids are UUIDs, so finding one anywhere in
 * an answer's text (data, errors, other ids) is a leak.
 */
interface World {
  readonly cohorts: readonly string[];
  readonly companies: readonly string[];
  /** Each learner with their company (null: independent), their consent and the cohorts they applied to. */
  readonly learners: readonly { id: string; companyId: string | null; shares: boolean; cohorts: string[] }[];
}

const ALL_APPLICATION = `query($c: ID!, $l: ID!, $at: Position) { application(cohortId: $c, learnerId: $l, consistentWith: $at) { id ${APPLICATION_FIELDS} } }`;
const APPLICATIONS = `query($c: ID!, $at: Position) { applications(cohortId: $c, first: 20, consistentWith: $at) { totalCount edges { cursor node { id reference enrollmentId learnerId companyId motivation statusReason status } } } }`;
const ENROLLMENTS = `query($l: ID!, $at: Position) { learnerEnrollments(learnerId: $l, first: 20, consistentWith: $at) { totalCount edges { node { id enrollmentId cohortId learnerId companyId motivation status } } } }`;
const CATALOGUE = `query($at: Position) { cohorts(first: 100, consistentWith: $at) { edges { node { id cohortId courseId title status } } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on Application { enrollmentId learnerId companyId } } }`;
const DASHBOARD = `query($c: ID!) { cohortDashboard(cohortId: $c) { waitlist { learnerId companyId } companies { companyId } } }`;

interface Shape {
  readonly cohorts: number;
  readonly companies: number;
  readonly learners: readonly { company: number | null; shares: boolean; applies: number[] }[];
  readonly firstCome: boolean;
}

// Shrinking would rebuild worlds on one gateway for minutes; the failing world is printed whole.
const worlds: fc.Arbitrary<Shape> = fc.noShrink(
  fc.record({
    cohorts: fc.integer({ min: 1, max: 3 }),
    companies: fc.integer({ min: 2, max: 3 }),
    learners: fc.array(
      fc.record({
        company: fc.option(fc.nat(2), { nil: null }),
        shares: fc.boolean(),
        applies: fc.uniqueArray(fc.nat(2), { maxLength: 3 }),
      }),
      { minLength: 3, maxLength: 7 },
    ),
    firstCome: fc.boolean(),
  }),
);

describe('tenancy: a partner or learner token never brings back the other side’s ids', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startGateway();
  });
  afterAll(() => h.close());

  async function build(shape: Shape): Promise<World> {
    const cohorts: string[] = [];
    for (let i = 0; i < shape.cohorts; i++)
      cohorts.push(await openCohort(h, { selectionPolicy: shape.firstCome ? 'FIRST_COME' : 'REVIEW', capacity: 2 }));
    const companies = Array.from({ length: shape.companies }, () => `co-${randomUUID()}`);
    const learners: World['learners'][number][] = [];
    for (const l of shape.learners) {
      const learner = {
        id: `ln-${randomUUID()}`,
        companyId: l.company === null ? null : companies[l.company % companies.length]!,
        shares: l.company !== null && l.shares,
        cohorts: [...new Set(l.applies.map((i: number) => cohorts[i % cohorts.length]!))],
      };
      for (const cohortId of learner.cohorts) {
        const answer = await submit(h, cohortId, learner.id, {
          companyId: learner.companyId,
          shareWithCompany: learner.shares,
        });
        if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      }
      learners.push(learner);
    }
    return { cohorts, companies, learners };
  }

  /** Every answer the persona gets from what it may ask (and what it may not), as text. */
  async function answersFor(world: World, as: Persona): Promise<string[]> {
    const texts: string[] = [];
    const ask = async (query: string, variables: Record<string, unknown> = {}) =>
      texts.push(JSON.stringify(await h.gql(query, variables, as)));
    // Global ids as an admin reads them: a partner or learner must get null for the others'.
    const ids: string[] = [];
    for (const cohortId of world.cohorts) {
      const listed = await h.gql<{ applications: { edges: { node: { id: string } }[] } }>(APPLICATIONS, {
        c: cohortId,
      });
      if (!listed.data) throw new Error(JSON.stringify(listed.errors));
      ids.push(...listed.data.applications.edges.map((e) => e.node.id));
    }
    await ask(CATALOGUE);
    for (const cohortId of world.cohorts) {
      await ask(APPLICATIONS, { c: cohortId });
      await ask(DASHBOARD, { c: cohortId });
      for (const learner of world.learners) await ask(ALL_APPLICATION, { c: cohortId, l: learner.id });
    }
    for (const learner of world.learners) await ask(ENROLLMENTS, { l: learner.id });
    for (const id of ids) await ask(NODE, { id });
    texts.push(await pushedTo(world.cohorts[0]!, as));
    return texts;
  }

  /** What a subscription pushes to the persona when an admin changes the cohort. */
  async function pushedTo(cohortId: string, as: Persona): Promise<string> {
    const client = h.wsClient(as);
    try {
      const pushed = new Promise<string>((resolve) => {
        client.subscribe(
          { query: `subscription { cohortUpdated(cohortId: "${cohortId}") { id cohortId capacity status } }` },
          {
            next: (message) => resolve(JSON.stringify(message)),
            error: (e) => resolve(JSON.stringify(e)),
            complete: () => resolve(''),
          },
        );
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      await h.gql('mutation($c: ID!) { changeCapacity(input: { cohortId: $c, capacity: 3 }) { position } }', {
        c: cohortId,
      });
      return await pushed;
    } finally {
      await client.dispose();
    }
  }

  it('holds for partners: no other company’s id, no id of a learner outside the company or who did not consent', async () => {
    await fc.assert(
      fc.asyncProperty(worlds, fc.nat(), async (shape, pick) => {
        const world = await build(shape);
        const company = world.companies[pick % world.companies.length]!;
        const texts = await answersFor(world, { role: 'partner', subject: `hr-${company}`, companyId: company });
        const foreign = [
          ...world.companies.filter((c) => c !== company),
          ...world.learners.filter((l) => l.companyId !== company || !l.shares).map((l) => l.id),
        ];
        const leaks = foreign.filter((id) => texts.some((text) => text.includes(id)));
        expect(leaks).toEqual([]);
        // And the company sees its consenting people's applications (the property is not met by seeing nothing).
        const own = world.learners.filter((l) => l.companyId === company && l.shares && l.cohorts.length > 0);
        for (const learner of own) expect(texts.some((text) => text.includes(learner.id))).toBe(true);
      }),
      { numRuns: 25 },
    );
    // 25 worlds of sequential requests: a guard against a hang, not a speed limit (a loaded machine took over 30 s).
  }, 180_000);

  it('holds for learners: no other learner’s id, no company but their own', async () => {
    await fc.assert(
      fc.asyncProperty(worlds, fc.nat(), async (shape, pick) => {
        const world = await build(shape);
        const me = world.learners[pick % world.learners.length]!;
        const texts = await answersFor(world, { role: 'learner', subject: me.id, learnerId: me.id });
        const foreign = [
          ...world.learners.filter((l) => l.id !== me.id).map((l) => l.id),
          ...world.companies.filter((c) => c !== me.companyId),
        ];
        const leaks = foreign.filter((id) => texts.some((text) => text.includes(id)));
        expect(leaks).toEqual([]);
        if (me.cohorts.length > 0) expect(texts.some((text) => text.includes(me.id))).toBe(true);
      }),
      { numRuns: 25 },
    );
    // 25 worlds of sequential requests: a guard against a hang, not a speed limit (a loaded machine took over 30 s).
  }, 180_000);
});
