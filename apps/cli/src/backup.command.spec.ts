import { loadOrCreateLocalKey, mintLocalToken } from '@sooc/auth';
import { openEventStore } from '@sooc/runtime';
import { killStartedEntryPoints, startEntryPoint } from '@sooc/runtime/testing';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sooc } from './testing/sooc.run';

afterAll(killStartedEntryPoints);

const DRAFT = `mutation Draft($input: DraftCourseInput!) { draftCourse(input: $input) { position } }`;
const PLAN = `mutation Plan($input: PlanCohortInput!) { planCohort(input: $input) { position } }`;
const OPEN = `mutation Open($cohortId: ID!) { openApplications(input: { cohortId: $cohortId }) { position } }`;
const SUBMIT = `mutation Submit($input: SubmitApplicationInput!) { submitApplication(input: $input) { position } }`;

describe('sooc backup / restore of the embedded stores', () => {
  const root = mkdtempSync(join(tmpdir(), 'sooc-backup-'));
  const live = join(root, 'live');
  const backup = join(root, 'backup');
  const restored = join(root, 'restored');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('takes a backup under write load that restores to a consistent store holding every event acknowledged before it began', async () => {
    const gateway = startEntryPoint('gateway', {
      PORT: '0',
      HOST: '127.0.0.1',
      SOOC_DATA_DIR: live,
      LOG_LEVEL: 'warn',
    });
    const url = `${await gateway.baseUrl()}/graphql`;
    const token = await mintLocalToken(await loadOrCreateLocalKey(live), { role: 'admin' });
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const body = (await (
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        })
      ).json()) as { data?: Record<string, { position: string }>; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data!;
    };
    const courseId = randomUUID();
    const cohortId = randomUUID();
    await gql(DRAFT, {
      input: {
        courseId,
        title: 'Backups in practice',
        summary: 'Copying a store while it is written.',
        topics: ['ops'],
        language: 'en',
        prerequisites: [],
        selectionPolicy: 'FIRST_COME',
        defaultCapacity: 20,
      },
    });
    await gql(PLAN, {
      input: {
        courseId,
        cohortId,
        title: 'Backup cohort',
        capacity: 20,
        applicationWindow: { opensAt: '2020-01-01T00:00:00Z', closesAt: '2030-03-01T00:00:00Z' },
        startsOn: '2030-03-10',
        endsOn: '2030-06-30',
      },
    });
    await gql(OPEN, { cohortId });

    // Eight applicants in flight at every moment until told to stop; each answer is an acknowledged write.
    const acknowledged: { learnerId: string; at: number }[] = [];
    let stop = false;
    let n = 0;
    const applicant = async () => {
      while (!stop) {
        const learnerId = `learner-${n++}`;
        const input = {
          cohortId,
          learnerId,
          dossier: { motivation: 'to learn', level: 'BEGINNER', answers: [], prerequisitesMet: [] },
        };
        await gql(SUBMIT, { input });
        acknowledged.push({ learnerId, at: Date.now() });
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, applicant));
    while (acknowledged.length < 100) await new Promise((r) => setTimeout(r, 20));

    const began = Date.now();
    const before = acknowledged.filter((a) => a.at < began).map((a) => a.learnerId);
    const taken = await sooc(['backup', backup], { SOOC_DATA_DIR: live });
    const countAtEnd = acknowledged.length;
    while (acknowledged.length < countAtEnd + 50) await new Promise((r) => setTimeout(r, 20));
    stop = true;
    await load;
    expect((await gateway.stop()).code).toBe(0);

    expect(taken.error).toBeNull();
    expect(taken.out.join('\n')).toMatch(
      /^backed up events\.sqlite, keys\.sqlite, auth to .* \(events up to position \d+\)$/,
    );
    expect(taken.progress).toMatch(/^events: \d+ \/ \d+ pages$/m);
    // The writes went on while it copied: the backup stops somewhere inside the load.
    const manifest = JSON.parse(readFileSync(join(backup, 'sooc-backup.json'), 'utf8')) as { headPosition: string };

    const restoredRun = await sooc(['restore', backup], { SOOC_DATA_DIR: restored });
    expect(restoredRun.error).toBeNull();
    expect(existsSync(join(restored, 'auth', 'signing-key.json'))).toBe(true);
    expect((await sooc(['projections', 'rebuild'], { SOOC_DATA_DIR: restored })).error).toBeNull();
    const verified = await sooc(['projections', 'verify'], { SOOC_DATA_DIR: restored });
    expect(verified.error).toBeNull();
    expect(verified.out[0]).toMatch(/no differences$/);

    const restoredStore = openEventStore(`sqlite:${join(restored, 'events.sqlite')}`);
    const liveStore = openEventStore(`sqlite:${join(live, 'events.sqlite')}`);
    try {
      const inBackup = await restoredStore.readAll();
      const submitted = new Set(
        inBackup
          .filter((e) => e.type === 'ApplicationSubmitted')
          .map((e) => (e.data as { learnerId: string }).learnerId),
      );
      expect(before.filter((learnerId) => !submitted.has(learnerId))).toEqual([]);
      // The copy is the live store's prefix, event for event, up to the position it names.
      const liveEvents = (await liveStore.readAll()).filter((e) => e.position <= BigInt(manifest.headPosition));
      expect(inBackup.map((e) => e.id)).toEqual(liveEvents.map((e) => e.id));
      expect(inBackup.length).toBeLessThan((await liveStore.readAll()).length);
    } finally {
      await restoredStore.close();
      await liveStore.close();
    }
  }, 120_000);

  it('refuses a target that exists, a restore over live stores, a directory that is no backup, and a non-embedded store', async () => {
    expect((await sooc(['backup', backup], { SOOC_DATA_DIR: live })).error).toContain('exists and is not empty');
    expect((await sooc(['restore', backup], { SOOC_DATA_DIR: live })).error).toMatch(
      /events\.sqlite.* already exist: a gateway or worker may be running on these stores/,
    );
    expect((await sooc(['restore', root], { SOOC_DATA_DIR: join(root, 'other') })).error).toContain(
      'not a sooc backup',
    );
    expect(
      (
        await sooc(['backup', join(root, 'b2')], {
          SOOC_EVENT_STORE_URL: 'esdb://localhost:2113?tls=false',
          SOOC_DATA_DIR: live,
        })
      ).error,
    ).toContain('back up EventStoreDB with its own tools');
  });
});
