import { PostgresKeyStore } from '@sooc/key-store';
import { PersonalDataEventStore } from '@sooc/personal-data';
import { filesHolding } from '@sooc/runtime/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Persona } from '@sooc/auth/testing';
// The fixtures of the e2e specs: this project runs them on production's stores.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { dossier, openCohort, type Application } from '../e2e/enrollment.fixture';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startGateway, type GraphQLResponse, type Harness } from '../e2e/gateway.harness';

const COMPLIANCE: Persona = { role: 'compliance', subject: 'officer-1' };
const ERASE = `mutation($input: EraseLearnerInput!) { eraseLearner(input: $input) { learnerId keysDeleted alreadyErased position } }`;
const APPLICATIONS = `query($cohortId: ID!, $at: Position) { applications(cohortId: $cohortId, consistentWith: $at) { edges { node { learnerId name email motivation status } } } }`;
const TRAIL = `query($learnerId: ID!, $at: Position) { auditTrail(filter: { learnerId: $learnerId }, first: 200, consistentWith: $at) { edges { node { type data } } } }`;

function ok<T>(answer: GraphQLResponse<T>): T {
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data as T;
}

/**
 * What `pg_dump --data-only` would write, without pg_dump (the embedded binaries have none):
 * every row of every table of every schema of the database, as PostgreSQL prints it.
 */
async function dumpDatabase(url: string, file: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const lines: string[] = [];
    for (const { schema, name } of tables.rows) {
      const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${schema}"."${name}" t`);
      lines.push(`-- ${schema}.${name}`, ...rows.rows.map((r) => r.row));
    }
    writeFileSync(file, lines.join('\n'));
    return tables.rows.length;
  } finally {
    await client.end();
  }
}

describe('erasure on production stores (EventStoreDB events, PostgreSQL read models and keys)', () => {
  let h: Harness;
  const dumps = mkdtempSync(join(tmpdir(), 'sooc-erasure-pg-'));
  beforeAll(async () => {
    h = await startGateway();
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dumps, { recursive: true, force: true });
  });

  it("leaves neither the learner's name, e-mail, motivation nor key in a dump of the database or the events", async () => {
    const ada = {
      name: 'Ottoline Brackenridge',
      email: 'ottoline.brackenridge@example.org',
      motivation: 'Motivation-Glockenspiel-9042: I run a mentoring circle.',
    };
    const cohortId = await openCohort(h, { selectionPolicy: 'REVIEW', capacity: 2 });
    const submit = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { position } }`;
    ok(
      await h.gql(
        submit,
        { input: { cohortId, learnerId: 'ottoline', dossier: dossier(ada) } },
        { role: 'learner', subject: 'ottoline', learnerId: 'ottoline' },
      ),
    );
    const before = ok(await h.gql<{ applications: { edges: { node: Application }[] } }>(APPLICATIONS, { cohortId }));
    expect(before.applications.edges[0]?.node).toMatchObject({ learnerId: 'ottoline', ...ada });

    // Her key as it sits in PostgreSQL, read as anyone with the database would.
    const keys = await PostgresKeyStore.open(h.stores.keyStoreUrl);
    const key = (await keys.keyFor('ottoline')).key;
    await keys.close();
    // The dump would show it (bytea prints as hex): the search below can find what is there.
    await dumpDatabase(h.stores.readDbUrl, join(dumps, 'before.sql'));
    expect(filesHolding(dumps, [key.toString('hex')])).toEqual([
      `${join(dumps, 'before.sql')}: ${key.toString('hex')}`,
    ]);
    rmSync(join(dumps, 'before.sql'));

    const erased = ok(
      await h.gql<{ eraseLearner: Record<string, unknown> }>(
        ERASE,
        { input: { learnerId: 'ottoline', reason: 'GDPR request #88' } },
        COMPLIANCE,
      ),
    );
    expect(erased.eraseLearner).toMatchObject({ keysDeleted: 1, alreadyErased: false });
    const after = ok(await h.gql<{ applications: { edges: { node: Application }[] } }>(APPLICATIONS, { cohortId }));
    expect(after.applications.edges[0]?.node).toMatchObject({
      name: '[erased]',
      email: '[erased]',
      motivation: '[erased]',
      status: before.applications.edges[0]!.node.status,
    });
    const trail = ok(
      await h.gql<{ auditTrail: { edges: { node: { type: string } }[] } }>(
        TRAIL,
        { learnerId: 'ottoline' },
        COMPLIANCE,
      ),
    );
    expect(trail.auditTrail.edges.map((e) => e.node.type)).toEqual(
      expect.arrayContaining(['ApplicationSubmitted', 'LearnerErased']),
    );

    // The read database (read models, checkpoints, the key tables) dumped whole, and every event
    // as EventStoreDB holds it (below the sealing decorator).
    const tables = await dumpDatabase(h.stores.readDbUrl, join(dumps, 'read-db.sql'));
    expect(tables).toBeGreaterThan(5);
    const store = h.gateway.infrastructure.eventStore as PersonalDataEventStore;
    const events = await store.inner.readAll();
    expect(events.some((e) => e.type === 'ApplicationSubmitted')).toBe(true);
    writeFileSync(
      join(dumps, 'events.json'),
      JSON.stringify(events, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
    );

    const words = [ada.name, ada.email, ada.motivation];
    expect(filesHolding(dumps, [...words, key, key.toString('base64'), key.toString('hex')])).toEqual([]);
    expect(filesHolding(h.dataDir, [...words, key])).toEqual([]);
    // Her words were never written to PostgreSQL in clear, so its files (tables and WAL) never
    // held them. The deleted key's row may linger in WAL segments until they are recycled:
    // docs/ARCHITECTURE.md says why a production key store belongs in a KMS or behind backups that expire.
    const pgData = process.env['SOOC_TEST_PG_DATA_DIR'];
    if (pgData) {
      const admin = new Client({ connectionString: h.stores.readDbUrl });
      await admin.connect();
      await admin.query('CHECKPOINT');
      await admin.end();
      expect(filesHolding(pgData, words)).toEqual([]);
    }
  });
});
