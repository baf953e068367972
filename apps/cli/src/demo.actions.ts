import type { Persona, SeedGateway } from './seed.gateway';

export const ADMIN: Persona = { role: 'admin', subject: 'seed-admin' };
const COMPANIES = ['acme', 'initech', 'globex', 'umbrella', 'hooli', null, null] as const;
const LEVELS = ['BEGINNER', 'INTERMEDIATE', 'INTERMEDIATE', 'ADVANCED'] as const;

const SUBMIT = `mutation Submit($input: SubmitApplicationInput!) { submitApplication(input: $input) { position } }`;
const ACCEPT = `mutation Accept($c: ID!, $l: ID!) { acceptOffer(input: { cohortId: $c, learnerId: $l }) { position } }`;
const DECLINE = `mutation Decline($c: ID!, $l: ID!, $r: String) { declineOffer(input: { cohortId: $c, learnerId: $l, reason: $r }) { position } }`;
const WITHDRAW = `mutation Withdraw($c: ID!, $l: ID!, $r: String) { withdrawApplication(input: { cohortId: $c, learnerId: $l, reason: $r }) { position } }`;
const REVIEW = `mutation Review($input: ReviewApplicationInput!) { reviewApplication(input: $input) { position } }`;
const DECIDE = `mutation Decide($input: DecideApplicationInput!) { decideApplication(input: $input) { position } }`;
const APPLICATIONS = `query Applications($c: ID!, $s: ApplicationStatus, $after: String) {
  applications(cohortId: $c, status: $s, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { learnerId status } }
  }
}`;

interface Page {
  applications: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Listed }[] };
}
interface Listed {
  readonly learnerId: string;
  readonly status: string;
}

/** mulberry32: the same story on every run, so the spec knows what it gets. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The learners, the cohorts they apply to, and what they do with their applications and offers. */
export class DemoActors {
  private next = 0;
  readonly random: () => number;

  constructor(
    private readonly g: SeedGateway,
    /** Makes this run's learner ids its own, so a second seed next to the first does not collide. */
    private readonly tag: string,
    seed = 1,
  ) {
    this.random = seededRandom(seed);
  }

  learner(learnerId: string): Persona {
    return { role: 'learner', subject: learnerId, learnerId };
  }

  /**
   * `count` new learners apply; a share of them (`lacking`) say they lack `prerequisites`
   * and are found ineligible. Learners come from companies in a fixed mix, some from none.
   */
  async apply(cohortId: string, count: number, { prerequisites = [] as string[], lacking = 0 } = {}): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      const n = (this.next += 1);
      const learnerId = `learner-${this.tag}-${String(n).padStart(4, '0')}`;
      const dossier = {
        name: `Learner ${n}`,
        email: `learner${n}@example.org`,
        motivation: `I want to practise this with peers (applicant ${n}).`,
        level: LEVELS[n % LEVELS.length],
        companyId: COMPANIES[n % COMPANIES.length],
        answers: [],
        prerequisitesMet: this.random() < lacking ? [] : prerequisites,
      };
      await this.g.gql(SUBMIT, { input: { cohortId, learnerId, dossier } }, this.learner(learnerId));
    }
  }

  /** Every application of the cohort in a status, once the reactions to what was written so far are in. */
  async list(cohortId: string, status: string): Promise<Listed[]> {
    await this.g.settle();
    const found: Listed[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await this.g.gql<Page>(APPLICATIONS, { c: cohortId, s: status, after }, ADMIN);
      found.push(...page.applications.edges.map((e) => e.node));
      if (!page.applications.pageInfo.hasNextPage) return found;
      after = page.applications.pageInfo.endCursor;
    }
  }

  /**
   * The learners holding an offer answer it: a share accepts, a share declines, the others let it
   * run (it lapses when time passes its expiry). An offer that lapsed meanwhile refuses the answer.
   */
  async answerOffers(cohortId: string, { accept = 0.65, decline = 0.15 } = {}): Promise<void> {
    for (const { learnerId } of await this.list(cohortId, 'OFFERED')) {
      const roll = this.random();
      const as = this.learner(learnerId);
      if (roll < accept) await this.g.attempt(ACCEPT, { c: cohortId, l: learnerId }, as);
      else if (roll < accept + decline)
        await this.g.attempt(DECLINE, { c: cohortId, l: learnerId, r: 'Not this time' }, as);
    }
  }

  /** `count` learners in `status` withdraw (a seat they held goes to the waitlist). */
  async withdraw(cohortId: string, status: string, count: number): Promise<void> {
    for (const { learnerId } of (await this.list(cohortId, status)).slice(0, count))
      await this.g.gql(WITHDRAW, { c: cohortId, l: learnerId, r: 'Plans changed' }, this.learner(learnerId));
  }

  /**
   * Each of the reviewers scores the first `share` of the submitted applications (a reviewer's new
   * review replaces their earlier one); the learners reviewed are returned.
   */
  async review(cohortId: string, reviewers: readonly string[], share = 1): Promise<string[]> {
    const submitted = await this.list(cohortId, 'SUBMITTED');
    const chosen = submitted.slice(0, Math.ceil(submitted.length * share)).map((a) => a.learnerId);
    for (const learnerId of chosen)
      for (const reviewerId of reviewers) {
        const scores = [
          { criterionId: 'motivation', score: 1 + Math.floor(this.random() * 5) },
          { criterionId: 'fit', score: 1 + Math.floor(this.random() * 5) },
        ];
        await this.g.gql(
          REVIEW,
          { input: { cohortId, learnerId, scores, comment: null } },
          { role: 'reviewer', subject: reviewerId, cohorts: [cohortId] },
        );
      }
    return chosen;
  }

  /**
   * The selection decides the fully reviewed: `admit` of them are admitted (a seat is offered;
   * refused when their pool is full, then they are waitlisted), `reject` rejected, the rest waitlisted.
   */
  async decide(cohortId: string, learnerIds: readonly string[], { admit = 0.5, reject = 0.25 } = {}): Promise<void> {
    const decide = (learnerId: string, decision: string, reason: string) =>
      this.g.attempt(DECIDE, { input: { cohortId, learnerId, decision, reason } }, ADMIN);
    for (const learnerId of learnerIds) {
      const roll = this.random();
      if (roll < admit) {
        const admitted = await decide(learnerId, 'ADMIT', 'Strong motivation and fit');
        if (!admitted.errors?.length) continue;
        await decide(learnerId, 'WAITLIST', 'Good application; no seat free in their pool yet');
      } else if (roll < admit + reject) await decide(learnerId, 'REJECT', 'The course does not fit their goals yet');
      else await decide(learnerId, 'WAITLIST', 'Good application; next in line for a seat');
    }
  }
}
