import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { settled } from './admission.support';
import { draftCourse, planCohort } from './cohorts.fixture';
import { dossier } from './enrollment.fixture';
import { startGateway, type Harness } from './gateway.harness';

const COMPLIANCE = { role: 'compliance', subject: 'auditor-1' } as const;
const DAY_MS = 24 * 3600 * 1000;
const START = Date.parse('2027-01-04T09:00:00.000Z');

/** The fields cohortAsOf and the live queries share, asked of both. */
const AS_OF = `query($c: ID!, $at: AsOfInput!) {
  cohortAsOf(cohortId: $c, at: $at) {
    status capacity reserved confirmed
    waitlist { position learnerId companyId }
    companies { companyId quota reserved confirmed waitlisted }
    settings { offerTtlHours waitlistOrder }
    groups { groupId learnerIds }
  }
}`;
const LIVE = `query($c: ID!, $at: Position) {
  cohort(cohortId: $c, consistentWith: $at) { status }
  cohortDashboard(cohortId: $c, consistentWith: $at) {
    capacity reserved confirmed
    waitlist { position learnerId companyId }
    companies { companyId quota reserved confirmed waitlisted }
    settings { offerTtlHours waitlistOrder }
  }
  groups(cohortId: $c, consistentWith: $at) { groups { groupId members { learnerId } } }
}`;

interface Live {
  cohort: { status: string };
  cohortDashboard: {
    capacity: number;
    reserved: number;
    confirmed: number;
    waitlist: unknown[];
    companies: { companyId: string | null }[];
    settings: unknown;
  };
  groups: { groups: { groupId: string; members: { learnerId: string }[] }[] } | null;
}

const fromLive = ({ cohort, cohortDashboard: d, groups }: Live) => ({
  status: cohort.status,
  capacity: d.capacity,
  reserved: d.reserved,
  confirmed: d.confirmed,
  waitlist: d.waitlist,
  // The dashboard also counts the learners without a company in a row of their own.
  companies: d.companies.filter((c) => c.companyId !== null),
  settings: d.settings,
  groups: (groups?.groups ?? []).map((g) => ({ groupId: g.groupId, learnerIds: g.members.map((m) => m.learnerId) })),
});

describe('a cohort over eight simulated weeks (the file clock): cohortAsOf equals what the live queries showed', () => {
  let h: Harness;
  let dir: string;
  let clockFile: string;
  let now = START;

  /** Moves time for every worker of the gateway: a file renamed into place, as the clock expects. */
  const setClock = async (at: number) => {
    now = at;
    writeFileSync(`${clockFile}.tmp`, new Date(at).toISOString());
    renameSync(`${clockFile}.tmp`, clockFile);
    // The clock re-reads the file at most every 50 ms.
    await new Promise((resolve) => setTimeout(resolve, 120));
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sooc-weeks-'));
    clockFile = join(dir, 'clock');
    writeFileSync(clockFile, new Date(START).toISOString());
    h = await startGateway({ SOOC_CLOCK_FILE: clockFile, SOOC_REACTOR_TICK_MS: '50' });
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('at ten instants spread over the weeks, by time and by position', async () => {
    const ok = <T>(answer: { data?: T | null; errors?: unknown }): T => {
      if (answer.errors || !answer.data) throw new Error(JSON.stringify(answer.errors));
      return answer.data;
    };
    const run = (query: string, c: string) =>
      h.gql(`mutation($c: ID!) { ${query.replace('$C', '$c')} { position } }`, { c }).then(ok);
    const submitAs = (cohortId: string, learnerId: string, companyId: string | null) =>
      h
        .gql(`mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { position } }`, {
          input: { cohortId, learnerId, dossier: dossier({ companyId }) },
        })
        .then(ok);
    const instants: { time: string; position: string; live: ReturnType<typeof fromLive> }[] = [];
    /**
     * Once the workers are done, the live queries at the head; then time moves on before anything
     * else is written, so every later event occurred after this instant.
     */
    const snapshot = async (advanceMs: number) => {
      await settled(h, 200);
      const position = String(await h.gateway.infrastructure.eventStore.headPosition());
      const live = fromLive(ok(await h.gql<Live>(LIVE, { c: cohortId, at: position })));
      instants.push({ time: new Date(now).toISOString(), position, live });
      await setClock(now + advanceMs);
    };

    const courseId = await draftCourse(h, { selectionPolicy: 'FIRST_COME' });
    const cohortId = await planCohort(h, courseId, {
      capacity: 3,
      applicationWindow: { opensAt: '2027-01-01T00:00:00Z', closesAt: '2027-02-22T00:00:00Z' },
      startsOn: '2027-03-01',
      endsOn: '2027-04-30',
    });
    await run('configureCohort(input: { cohortId: $C, offerTtlHours: 48 })', cohortId);
    await run('setCompanyQuota(input: { cohortId: $C, companyId: "acme", seats: 2 })', cohortId);
    await run('openApplications(input: { cohortId: $C })', cohortId);
    await snapshot(DAY_MS); // 1: open, empty

    const tryAccept = (learnerId: string) =>
      h.gql(`mutation($c: ID!, $l: ID!) { acceptOffer(input: { cohortId: $c, learnerId: $l }) { position } }`, {
        c: cohortId,
        l: learnerId,
      });

    // Day 1: four applications; acme's third waits behind its quota of two.
    for (const [learner, company] of [
      ['ada', 'acme'],
      ['bob', 'initech'],
      ['cyd', 'acme'],
      ['dee', 'acme'],
    ] as const)
      await submitAs(cohortId, learner, company);
    await snapshot(DAY_MS); // 2
    // Day 2: ada accepts, cyd declines (dee moves up), eve and ivy join the waitlist.
    await run('acceptOffer(input: { cohortId: $C, learnerId: "ada" })', cohortId);
    await run('declineOffer(input: { cohortId: $C, learnerId: "cyd", reason: "No budget" })', cohortId);
    await submitAs(cohortId, 'eve', null);
    await submitAs(cohortId, 'ivy', 'initech');
    await snapshot(DAY_MS); // 3
    // Day 3: bob's offer lapses as time reaches its expiry; the reactor promotes from the waitlist.
    await snapshot(7 * DAY_MS); // 4
    // Day 10: the offers of day 3 lapsed during the week; two more applications.
    await submitAs(cohortId, 'fay', 'initech');
    await submitAs(cohortId, 'gus', null);
    await snapshot(DAY_MS); // 5
    // Day 11: whoever holds an offer accepts it (the others' refusals are part of the story, ignored).
    for (const learner of ['bob', 'dee', 'eve', 'ivy', 'fay', 'gus']) await tryAccept(learner);
    await snapshot(DAY_MS); // 6
    // Day 12: more seats, one more applicant.
    await run('changeCapacity(input: { cohortId: $C, capacity: 6 })', cohortId);
    await submitAs(cohortId, 'hal', 'acme');
    await snapshot(14 * DAY_MS); // 7
    // Day 26: the window closes; day 33: groups; day 57 (after startsOn): the cohort starts.
    await run('closeApplications(input: { cohortId: $C })', cohortId);
    await snapshot(7 * DAY_MS); // 8
    await run('formGroups(input: { cohortId: $C, targetSize: 2, seed: "weeks" })', cohortId);
    await snapshot(24 * DAY_MS); // 9
    await run('startCohort(input: { cohortId: $C })', cohortId);
    await snapshot(DAY_MS); // 10

    expect(instants).toHaveLength(10);
    // The history moved: the instants do not all look alike, and the waitlist changed over time.
    expect(new Set(instants.map((i) => JSON.stringify(i.live))).size).toBeGreaterThanOrEqual(8);
    expect(new Set(instants.map((i) => JSON.stringify(i.live.waitlist))).size).toBeGreaterThanOrEqual(3);
    expect(instants.map((i) => i.live.status)).toContain('RUNNING');

    for (const instant of instants)
      for (const at of [{ time: instant.time }, { position: instant.position }]) {
        const past = ok(await h.gql<{ cohortAsOf: unknown }>(AS_OF, { c: cohortId, at }, COMPLIANCE));
        expect({ at, seen: past.cohortAsOf }).toEqual({ at, seen: instant.live });
      }
  });
});
