import { EsdbStandIn } from '@sooc/event-store/testing';
import type { EventStore, RecordedEvent } from '@sooc/event-sourcing';
import { createTestDatabase, dropTestDatabase } from '@sooc/read-store/testing';
import { openEventStore } from '@sooc/runtime';
import { PRE_SEALING_COHORT, PRE_SEALING_MOTIVATIONS, preSealingDataDir } from '@sooc/runtime/testing';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Persona } from '@sooc/auth/testing';
// The CLI in-process, as the e2e specs of apps/cli run it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { sooc } from '../../apps/cli/src/testing/sooc.run';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startGateway, type GraphQLResponse, type Harness } from '../e2e/gateway.harness';

const COMPLIANCE: Persona = { role: 'compliance', subject: 'officer-1' };
const APPLICATIONS = `query($cohortId: ID!) { applications(cohortId: $cohortId) { edges { node { learnerId name motivation status } } } }`;
const EXPORT = `query($learnerId: ID!) { exportLearnerData(learnerId: $learnerId) { personalData data } }`;
const AS_OF = `query($cohortId: ID!, $at: AsOfInput!) { cohortAsOf(cohortId: $cohortId, at: $at) { roster { learnerId } } }`;
const WITHDRAW = `mutation($cohortId: ID!, $learnerId: ID!) { withdrawApplication(input: { cohortId: $cohortId, learnerId: $learnerId, reason: "moved" }) { application { status } } }`;
const ERASE = `mutation($input: EraseLearnerInput!) { eraseLearner(input: $input) { keysDeleted } }`;

function ok<T>(answer: GraphQLResponse<T>): T {
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data as T;
}

const json = (events: readonly RecordedEvent[]) =>
  JSON.stringify(events, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/** Waits until the read models show every fixture application, as the projector replays the store. */
async function applicationsOf(h: Harness) {
  for (let i = 0; ; i++) {
    const rows = ok(
      await h.gql<{ applications: { edges: { node: Record<string, string | null> }[] } }>(APPLICATIONS, {
        cohortId: PRE_SEALING_COHORT,
      }),
    ).applications.edges.map((e) => e.node);
    if (rows.length === Object.keys(PRE_SEALING_MOTIVATIONS).length || i > 200) return rows;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * An EventStoreDB written by the release before sealing (the fixture's events, personal data in
 * clear, ApplicationSubmitted at v1) is read through the upcasters on every path, then copied
 * into a new store by `sooc events copy`, sealed on the way; erasure then reaches those learners.
 */
describe('EventStoreDB events written before sealing', () => {
  let old: EsdbStandIn;
  let copy: EsdbStandIn;
  let readDbUrl: string;
  let fixtureDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    fixtureDir = preSealingDataDir();
    [old, copy, readDbUrl] = await Promise.all([EsdbStandIn.start(), EsdbStandIn.start(), createTestDatabase('copy')]);
    // The fixture's events, as the old release appended them, into the old EventStoreDB.
    const sqlite = openEventStore(`sqlite:${join(fixtureDir, 'events.sqlite')}`);
    const esdb = openEventStore(old.url);
    for (const e of await sqlite.readAll())
      await esdb.append(e.streamId, [{ id: e.id, type: e.type, data: e.data, metadata: e.metadata }], {
        expectedRevision: e.revision === 0n ? 'no_stream' : e.revision - 1n,
      });
    await Promise.all([sqlite.close(), esdb.close()]);
    env = { SOOC_EVENT_STORE_URL: old.url, SOOC_READ_DB_URL: readDbUrl, SOOC_KEY_STORE_URL: readDbUrl };
  }, 60_000);
  afterAll(async () => {
    await Promise.all([old?.stop(), copy?.stop(), readDbUrl && dropTestDatabase(readDbUrl)]);
    rmSync(fixtureDir, { recursive: true, force: true });
  });

  const raw = async (url: string) => {
    const store: EventStore = openEventStore(url);
    try {
      return await store.readAll();
    } finally {
      await store.close();
    }
  };

  it('folds, replays and exports them as the current version, then copies them sealed, and erasure reaches them', async () => {
    const before = await raw(old.url);
    const submitted = before.filter((e) => e.type === 'ApplicationSubmitted');
    expect(submitted.map((e) => e.metadata.schemaVersion ?? 1)).toEqual(submitted.map(() => 1));
    expect(json(before)).toContain(PRE_SEALING_MOTIVATIONS['ada']);

    // Every read path of a gateway on the old store lifts v1 to v2 (dossier name and e-mail null).
    let h = await startGateway(env);
    try {
      const rows = await applicationsOf(h); // replayed through the subscription
      expect(Object.fromEntries(rows.map((r) => [r['learnerId'], [r['motivation'], r['name']]]))).toEqual(
        Object.fromEntries(Object.entries(PRE_SEALING_MOTIVATIONS).map(([l, m]) => [l, [m, null]])),
      );
      const exported = ok(
        await h.gql<{ exportLearnerData: { data: unknown } }>(EXPORT, { learnerId: 'grace' }, COMPLIANCE),
      );
      expect(JSON.stringify(exported.exportLearnerData.data)).toContain(
        `"motivation":"${PRE_SEALING_MOTIVATIONS['grace']}"`,
      );
      expect(JSON.stringify(exported.exportLearnerData.data)).toContain('"name":null');
      const asOf = ok(
        await h.gql<{ cohortAsOf: { roster: unknown[] } }>(
          AS_OF,
          { cohortId: PRE_SEALING_COHORT, at: { time: new Date().toISOString() } },
          COMPLIANCE,
        ),
      );
      expect(asOf.cohortAsOf.roster.length).toBeGreaterThan(0);
      // A command on a stream of v1 events folds them (loading the stream) and decides.
      ok(await h.gql(WITHDRAW, { cohortId: PRE_SEALING_COHORT, learnerId: 'linus' }));
    } finally {
      await h.close();
    }

    const copied = await sooc(['events', 'copy', '--to', copy.url], env);
    expect(copied.error).toBeNull();
    const after = await raw(old.url);
    expect(copied.out[0]).toMatch(
      new RegExp(
        `^copied ${after.length} events in .*: ${submitted.length} sealed on the way; \\d+ checkpoints moved$`,
      ),
    );
    const copiedEvents = await raw(copy.url);
    // Same events, same order, ids, streams and revisions; personal data sealed.
    expect(copiedEvents.map((e) => [e.id, e.type, e.streamId, e.revision])).toEqual(
      after.map((e) => [e.id, e.type, e.streamId, e.revision]),
    );
    for (const motivation of Object.values(PRE_SEALING_MOTIVATIONS))
      expect(json(copiedEvents)).not.toContain(motivation);
    // The checkpoints now name positions of the copy.
    const pg = new Client({ connectionString: readDbUrl });
    await pg.connect();
    const checkpoints = (await pg.query<{ position: string }>('SELECT position FROM projection_checkpoints')).rows;
    await pg.end();
    const positions = new Set(copiedEvents.map((e) => e.position.toString()));
    expect(checkpoints.length).toBeGreaterThan(0);
    expect(checkpoints.filter((c) => !positions.has(c.position))).toEqual([]);

    // On the copy: the same read models carry on, the learners' words open, erasure reaches them.
    h = await startGateway({ ...env, SOOC_EVENT_STORE_URL: copy.url });
    try {
      expect((await applicationsOf(h)).find((r) => r['learnerId'] === 'ada')?.['motivation']).toBe(
        PRE_SEALING_MOTIVATIONS['ada'],
      );
      ok(await h.gql(ERASE, { input: { learnerId: 'ada', reason: 'GDPR request #5' } }, COMPLIANCE));
      const exported = ok(
        await h.gql<{ exportLearnerData: { personalData: string; data: unknown } }>(
          EXPORT,
          { learnerId: 'ada' },
          COMPLIANCE,
        ),
      );
      expect(exported.exportLearnerData.personalData).toBe('ERASED');
      expect(JSON.stringify(exported.exportLearnerData.data)).not.toContain(PRE_SEALING_MOTIVATIONS['ada']);
    } finally {
      await h.close();
    }
  });

  it('refuses a target that already holds events, and the store it copies from', async () => {
    const again = await sooc(['events', 'copy', '--to', copy.url], env);
    expect(again.error).toContain('already holds events: copy into an empty event store');
    const itself = await sooc(['events', 'copy', '--to', old.url], env);
    expect(itself.error).toContain('names the store being copied');
  });
});
