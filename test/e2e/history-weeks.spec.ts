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
  cohortDashboard(cohortId: $c, consistentWith: $at, waitlistFirst: 1000) {
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
     * Once the workers are done, the live queries at the head. Time stands still between moves, so
     * several events share the instant: it is taken after the last of them (cohortAsOf includes the
     * events at the time asked), then time moves on before anything else is written, so every later
     * event, the reactor's too, occurred after it.
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
      capacity: 10,
      applicationWindow: { opensAt: '2027-01-01T00:00:00Z', closesAt: '2027-02-22T00:00:00Z' },
      startsOn: '2027-03-01',
      endsOn: '2027-04-30',
    });
    await run('configureCohort(input: { cohortId: $C, offerTtlHours: 48 })', cohortId);
    // Seven of the ten seats dedicated (and capped) by company, three open to anyone else.
    await run('setCompanyQuota(input: { cohortId: $C, companyId: "acme", seats: 3 })', cohortId);
    await run('setCompanyQuota(input: { cohortId: $C, companyId: "initech", seats: 2 })', cohortId);
    await run('setCompanyQuota(input: { cohortId: $C, companyId: "globex", seats: 2 })', cohortId);
    await run('openApplications(input: { cohortId: $C })', cohortId);
    await snapshot(DAY_MS); // 1 (Mon 4 Jan): open, empty

    const applyAll = async (learners: readonly (readonly [string, string | null])[]) => {
      for (const [learner, company] of learners) await submitAs(cohortId, learner, company);
    };
    const tryAccept = (learnerId: string) =>
      h.gql(`mutation($c: ID!, $l: ID!) { acceptOffer(input: { cohortId: $c, learnerId: $l }) { position } }`, {
        c: cohortId,
        l: learnerId,
      });
    const withdraw = (learnerId: string, reason: string) =>
      h
        .gql(
          `mutation($c: ID!, $l: ID!, $r: String) { withdrawApplication(input: { cohortId: $c, learnerId: $l, reason: $r }) { position } }`,
          { c: cohortId, l: learnerId, r: reason },
        )
        .then(ok);

    // Week 1, Tuesday: the first wave; acme's fourth waits behind its quota of three.
    await applyAll([
      ['ada', 'acme'],
      ['abe', 'acme'],
      ['amy', 'acme'],
      ['art', 'acme'],
      ['ian', 'initech'],
      ['ivy', 'initech'],
      ['gil', 'globex'],
      ['ned', null],
      ['nia', null],
    ]);
    await snapshot(DAY_MS); // 2
    // Wednesday: some accept, amy declines (art moves up), gil withdraws, two more without a company.
    for (const learner of ['ada', 'abe', 'ian', 'ned']) await tryAccept(learner);
    await run('declineOffer(input: { cohortId: $C, learnerId: "amy", reason: "No budget" })', cohortId);
    await withdraw('gil', 'Moved to another team');
    await applyAll([
      ['nik', null],
      ['noa', null],
      ['nox', null],
    ]);
    await snapshot(7 * DAY_MS); // 3
    // Week 2, Wednesday: the offers nobody answered lapsed as time jumped; the reactor promoted the waitlist.
    await snapshot(DAY_MS); // 4
    // Thursday: whoever holds an offer accepts it (the others' refusals are part of the story, ignored);
    // globex and initech send more, acme too many.
    for (const learner of ['art', 'ivy', 'nia', 'nik', 'noa', 'nox']) await tryAccept(learner);
    await applyAll([
      ['gus', 'globex'],
      ['gwen', 'globex'],
      ['ira', 'initech'],
      ['ali', 'acme'],
      ['ari', 'acme'],
      ['nell', null],
      ['nils', null],
    ]);
    await snapshot(DAY_MS); // 5
    // Friday: the offers are taken up except gwen's, which will lapse; nils gives up his waitlist place.
    for (const learner of ['gus', 'ira', 'ali', 'ari', 'nell']) await tryAccept(learner);
    await withdraw('nils', 'Found another course');
    await snapshot(6 * DAY_MS); // 6
    // Week 3 (gwen's offer lapsed during the jump): ada leaves her confirmed seat; acme's waitlist moves up into it.
    await withdraw('ada', 'Project deadline');
    await snapshot(DAY_MS); // 7
    // More seats for the open pool, and the last arrivals: the waitlist fills again.
    await run('changeCapacity(input: { cohortId: $C, capacity: 12 })', cohortId);
    await applyAll([
      ['olga', null],
      ['omar', null],
      ['ada2', 'acme'],
    ]);
    for (const learner of ['ali', 'ari', 'nell', 'nils', 'olga', 'omar']) await tryAccept(learner);
    await snapshot(14 * DAY_MS); // 8
    // Week 5: the window closes; week 6: groups; week 9 (after startsOn): the cohort starts.
    await run('closeApplications(input: { cohortId: $C })', cohortId);
    await run('formGroups(input: { cohortId: $C, targetSize: 3, seed: "weeks" })', cohortId);
    await snapshot(24 * DAY_MS); // 9
    await run('startCohort(input: { cohortId: $C })', cohortId);
    await snapshot(DAY_MS); // 10

    expect(instants).toHaveLength(10);
    // The history moved: the instants do not all look alike, and the waitlist changed over time.
    expect(new Set(instants.map((i) => JSON.stringify(i.live))).size).toBeGreaterThanOrEqual(8);
    expect(new Set(instants.map((i) => JSON.stringify(i.live.waitlist))).size).toBeGreaterThanOrEqual(3);
    expect(instants.map((i) => i.live.status)).toContain('RUNNING');
    // Every turn of the story happened: offers declined, lapsed and withdrawn from, seats confirmed.
    const { cohortDashboard: end } = ok(
      await h.gql<{ cohortDashboard: { applicationsByStatus: { status: string }[] } }>(
        `query($c: ID!) { cohortDashboard(cohortId: $c) { applicationsByStatus { status count } } }`,
        { c: cohortId },
      ),
    );
    expect(end.applicationsByStatus.map((s) => s.status)).toEqual(
      expect.arrayContaining(['DECLINED', 'ENROLLED', 'EXPIRED', 'WITHDRAWN']),
    );

    for (const instant of instants)
      for (const at of [{ time: instant.time }, { position: instant.position }]) {
        const past = ok(await h.gql<{ cohortAsOf: unknown }>(AS_OF, { c: cohortId, at }, COMPLIANCE));
        expect({ at, seen: past.cohortAsOf }).toEqual({ at, seen: instant.live });
      }
  });
});
