import { loadOrCreateLocalKey, mintLocalToken, type LocalSigningKey } from '@sooc/auth';
import { SqliteKeyStore } from '@sooc/key-store';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  filesHolding,
  killStartedEntryPoints,
  PRE_SEALING_COHORT,
  PRE_SEALING_MOTIVATIONS,
  preSealingDataDir,
  startEntryPoint,
  type EntryPointProcess,
} from '@sooc/runtime/testing';
import { dossier, openCohort, type Application } from './enrollment.fixture';
import type { Persona } from '@sooc/auth/testing';
import { ADMIN, type GraphQLResponse, type Harness } from './gateway.harness';

afterAll(killStartedEntryPoints);

const COMPLIANCE: Persona = { role: 'compliance', subject: 'officer-1' };
const ERASE = `mutation($input: EraseLearnerInput!) { eraseLearner(input: $input) { learnerId keysDeleted alreadyErased position } }`;
const EXPORT = `query($learnerId: ID!, $at: Position) { exportLearnerData(learnerId: $learnerId, consistentWith: $at) { learnerId personalData exportedAt data } }`;
const APPLICATIONS = `query($cohortId: ID!, $at: Position) { applications(cohortId: $cohortId, consistentWith: $at) { edges { node { learnerId name email motivation answers { questionId answer } status statusReason } } } }`;
const TRAIL = `query($learnerId: ID!, $at: Position) { auditTrail(filter: { learnerId: $learnerId }, first: 200, consistentWith: $at) { edges { node { type summary reason data } } } }`;

/** A gateway as `npm start` runs it (its own process, SQLite files in its data directory), and a client of it. */
async function gatewayProcess(dataDir: string) {
  const run: EntryPointProcess = startEntryPoint('gateway', {
    PORT: '0',
    HOST: '127.0.0.1',
    SOOC_DATA_DIR: dataDir,
    // Everything it would ever log goes into the byte search.
    LOG_LEVEL: 'trace',
  });
  const url = `${await run.baseUrl()}/graphql`;
  let key: LocalSigningKey | null = null;
  let lastWrite: string | null = null;
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}, as: Persona = ADMIN) => {
    const token = await mintLocalToken((key ??= await loadOrCreateLocalKey(dataDir)), as);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables: /\$at\b/.test(query) ? { at: lastWrite, ...variables } : variables }),
    });
    const body = (await response.json()) as GraphQLResponse<T>;
    const data = body.data as Record<string, { position?: string | null }> | undefined;
    const position = data && Object.values(data)[0]?.position;
    if (/^\s*mutation\b/.test(query) && position) lastWrite = position;
    return body;
  };
  return { run, gql, h: { gql } as unknown as Harness };
}

function ok<T>(answer: GraphQLResponse<T>): T {
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data as T;
}

describe('erasing a learner by crypto-shredding', () => {
  const dirs: string[] = [];
  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('leaves no byte of their name, e-mail, motivation or answers anywhere, while the history of decisions stays', async () => {
    const dataDir = tempDir('sooc-erasure-');
    const exportsDir = tempDir('sooc-erasure-exports-');
    const ada = {
      name: 'Quilliam Zephyrine',
      email: 'quilliam.zephyrine@example.org',
      motivation: 'Motivation-Xylophone-7731: I coordinate nine volunteers.',
      answer: 'Answer-Marzipan-4410 in May.',
    };
    const graceMotivation = 'Motivation-Harpsichord-5512 for my team.';
    const { run, gql, h } = await gatewayProcess(dataDir);

    const cohortId = await openCohort(h, { selectionPolicy: 'FIRST_COME', capacity: 2 });
    const submitAs = (learnerId: string, fields: Record<string, unknown>) =>
      gql(
        `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { position } }`,
        { input: { cohortId, learnerId, dossier: dossier(fields) } },
        { role: 'learner', subject: learnerId, learnerId },
      );
    ok(
      await submitAs('ada', {
        name: ada.name,
        email: ada.email,
        motivation: ada.motivation,
        answers: [{ questionId: 'why-now', answer: ada.answer }],
      }),
    );
    ok(await submitAs('grace', { motivation: graceMotivation }));

    // Before: the admin reads ada's words (opened in the response), grace waits behind her.
    // First come: the reactor offers both seats; wait for it, so nothing but the erasure changes below.
    let before = ok(await gql<{ applications: { edges: { node: Application }[] } }>(APPLICATIONS, { cohortId }));
    for (let i = 0; i < 100 && before.applications.edges.some((e) => e.node.status !== 'OFFERED'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      before = ok(await gql<{ applications: { edges: { node: Application }[] } }>(APPLICATIONS, { cohortId }));
    }
    const byLearner = (r: typeof before) =>
      Object.fromEntries(r.applications.edges.map((e) => [e.node.learnerId, e.node]));
    // She declines her seat, in her own words: sealed with her key and erased with the rest.
    const adaDeclined = 'Reason-Gondola-2208: moving to Lisbon.';
    ok(
      await gql(
        `mutation($input: DeclineOfferInput!) { declineOffer(input: $input) { position } }`,
        { input: { cohortId, learnerId: 'ada', reason: adaDeclined } },
        { role: 'learner', subject: 'ada', learnerId: 'ada' },
      ),
    );
    for (let i = 0; i < 100 && byLearner(before)['ada']!.status === 'OFFERED'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      before = ok(await gql<{ applications: { edges: { node: Application }[] } }>(APPLICATIONS, { cohortId }));
    }
    expect(byLearner(before)['ada']).toMatchObject({ status: 'DECLINED', statusReason: adaDeclined });
    expect(byLearner(before)['ada']).toMatchObject({
      name: ada.name,
      email: ada.email,
      motivation: ada.motivation,
      answers: [{ questionId: 'why-now', answer: ada.answer }],
    });
    // The key that seals ada's data, read from the key store as an attacker with the disk would.
    const keys = SqliteKeyStore.open(join(dataDir, 'keys.sqlite'));
    const adaKey = (await keys.keyFor('ada')).key;
    await keys.close();

    // Only compliance erases; a learner who never applied is a clear error; nothing is written by either.
    const forbidden = await gql(ERASE, { input: { learnerId: 'ada', reason: 'ticket 1' } }, ADMIN);
    expect(forbidden.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const unknown = await gql(ERASE, { input: { learnerId: 'nobody', reason: 'ticket 2' } }, COMPLIANCE);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'LEARNER.NOT_FOUND' });
    expect(unknown.errors?.[0]?.message).toContain('learner nobody');
    const noReason = await gql(ERASE, { input: { learnerId: 'ada', reason: '  ' } }, COMPLIANCE);
    expect(noReason.errors?.[0]?.extensions).toMatchObject({
      code: 'COMPLIANCE.REASON_INVALID',
      category: 'BAD_USER_INPUT',
    });

    const erased = ok(
      await gql<{ eraseLearner: Record<string, unknown> }>(
        ERASE,
        { input: { learnerId: 'ada', reason: 'GDPR request #4411' } },
        COMPLIANCE,
      ),
    );
    expect(erased.eraseLearner).toMatchObject({ learnerId: 'ada', keysDeleted: 1, alreadyErased: false });
    const again = ok(
      await gql<{ eraseLearner: Record<string, unknown> }>(
        ERASE,
        { input: { learnerId: 'ada', reason: 'GDPR request #4411' } },
        COMPLIANCE,
      ),
    );
    expect(again.eraseLearner).toMatchObject({ keysDeleted: 0, alreadyErased: true, position: null });

    // After: [erased] where her words were; her status, the seat and grace's data unchanged.
    const after = byLearner(
      ok(await gql<{ applications: { edges: { node: Application }[] } }>(APPLICATIONS, { cohortId })),
    );
    expect(after['ada']).toMatchObject({
      name: '[erased]',
      email: '[erased]',
      motivation: '[erased]',
      answers: [{ questionId: 'why-now', answer: '[erased]' }],
      status: byLearner(before)['ada']!.status,
      statusReason: '[erased]',
    });
    expect(after['grace']).toMatchObject({ motivation: graceMotivation, status: byLearner(before)['grace']!.status });

    // The audit trail still lists every decision about her, her words [erased], and the erasure with its reason.
    const trail = ok(
      await gql<{ auditTrail: { edges: { node: { type: string; reason: string | null; data: unknown } }[] } }>(
        TRAIL,
        { learnerId: 'ada' },
        COMPLIANCE,
      ),
    );
    const types = trail.auditTrail.edges.map((e) => e.node.type);
    expect(types).toEqual(expect.arrayContaining(['ApplicationSubmitted', 'SeatOffered', 'LearnerErased']));
    const submitted = trail.auditTrail.edges.find((e) => e.node.type === 'ApplicationSubmitted')!.node;
    expect(submitted.data).toMatchObject({ dossier: { name: '[erased]', email: '[erased]', motivation: '[erased]' } });
    expect(trail.auditTrail.edges.find((e) => e.node.type === 'LearnerErased')!.node.reason).toBe('GDPR request #4411');
    expect(trail.auditTrail.edges.find((e) => e.node.type === 'OfferDeclined')!.node.reason).toBe('[erased]');

    // Subject access: her export says ERASED, holds her history, and no personal data.
    const exported = ok(
      await gql<{ exportLearnerData: { personalData: string; data: unknown } }>(
        EXPORT,
        { learnerId: 'ada' },
        COMPLIANCE,
      ),
    );
    expect(exported.exportLearnerData.personalData).toBe('ERASED');
    expect(JSON.stringify(exported.exportLearnerData.data)).toContain('SeatOffered');
    writeFileSync(join(exportsDir, 'ada.json'), JSON.stringify(exported));
    const graceExport = ok(
      await gql(EXPORT, { learnerId: 'grace' }, { role: 'learner', subject: 'grace', learnerId: 'grace' }),
    );
    expect(JSON.stringify(graceExport)).toContain(graceMotivation);

    mkdirSync(join(exportsDir, 'logs'));
    await run.stop();
    writeFileSync(join(exportsDir, 'logs', 'gateway.out'), run.stdout());
    writeFileSync(join(exportsDir, 'logs', 'gateway.err'), run.stderr());

    const needles = [ada.name, ada.email, ada.motivation, ada.answer, adaDeclined, adaKey];
    expect(filesHolding(dataDir, needles)).toEqual([]);
    expect(filesHolding(exportsDir, needles)).toEqual([]);
    // Nobody's personal data is ever at rest in clear: grace's, still readable, is sealed too.
    expect(filesHolding(dataDir, [graceMotivation])).toEqual([]);
  });

  it('works the same on a data directory written by the release before sealing', async () => {
    const dataDir = preSealingDataDir();
    dirs.push(dataDir);
    const { run, gql } = await gatewayProcess(dataDir);
    const rows = ok(
      await gql<{ applications: { edges: { node: Application }[] } }>(APPLICATIONS, { cohortId: PRE_SEALING_COHORT }),
    );
    expect(rows.applications.edges.map((e) => [e.node.learnerId, e.node.motivation, e.node.name])).toEqual(
      Object.entries(PRE_SEALING_MOTIVATIONS).map(([learner, motivation]) => [learner, motivation, null]),
    );
    ok(await gql(ERASE, { input: { learnerId: 'ada', reason: 'GDPR request #17' } }, COMPLIANCE));
    const trail = ok(
      await gql<{ auditTrail: { edges: { node: { type: string; data: { dossier?: { motivation: string } } } }[] } }>(
        TRAIL,
        { learnerId: 'ada' },
        COMPLIANCE,
      ),
    );
    expect(trail.auditTrail.edges.map((e) => e.node.type)).toEqual(
      expect.arrayContaining(['ApplicationSubmitted', 'SeatOffered', 'OfferAccepted', 'LearnerErased']),
    );
    expect(
      trail.auditTrail.edges.find((e) => e.node.type === 'ApplicationSubmitted')!.node.data.dossier?.motivation,
    ).toBe('[erased]');
    await run.stop();
    expect(filesHolding(dataDir, [PRE_SEALING_MOTIVATIONS['ada']!])).toEqual([]);
    expect(run.stdout() + run.stderr()).not.toContain(PRE_SEALING_MOTIVATIONS['ada']);
  });
});
