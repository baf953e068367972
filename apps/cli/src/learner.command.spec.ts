import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createProjectionRunner, loadStoreConfig, openStores } from '@sooc/runtime';
import { filesHolding, PRE_SEALING_MOTIVATIONS, preSealingDataDir } from '@sooc/runtime/testing';
import { sooc } from './testing/sooc.run';

/** What a running gateway would do between two commands: project the events written since. */
async function catchUp(env: NodeJS.ProcessEnv): Promise<void> {
  const stores = await openStores(loadStoreConfig(env));
  try {
    const runner = createProjectionRunner(stores);
    await runner.start();
    await runner.waitForPosition((await stores.eventStore.headPosition()) ?? 0n);
    await runner.stop();
  } finally {
    await stores.close();
  }
}

describe('sooc learner', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    dataDir = preSealingDataDir();
    env = { SOOC_DATA_DIR: dataDir };
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to export from read models that trail the events, saying what to do', async () => {
    const { error } = await sooc(['learner', 'export', 'ada'], env);
    expect(error).toMatch(/read models are \d+ events behind the event store: start the gateway/);
  });

  it("exports a learner's data with their words opened; erases them; exports again with [erased] and the erasure", async () => {
    await catchUp(env);
    const out = join(dataDir, 'ada.json');
    const first = await sooc(['learner', 'export', 'ada', '--out', out], env);
    expect(first.error).toBeNull();
    const before = JSON.parse(readFileSync(out, 'utf8'));
    expect(before.personalData).toBe('active');
    expect(JSON.stringify(before.data)).toContain(PRE_SEALING_MOTIVATIONS['ada']);
    rmSync(out);

    const erased = await sooc(['learner', 'erase', 'ada', '--reason', 'ticket 12', '--actor', 'officer-7'], env);
    expect(erased).toMatchObject({
      out: [expect.stringMatching(/^erased learner ada: 1 key\(s\) deleted, recorded at position \d+$/)],
      error: null,
    });
    expect((await sooc(['learner', 'erase', 'ada', '--reason', 'ticket 12'], env)).out).toEqual([
      'learner ada was erased already: nothing changed',
    ]);
    const unknown = await sooc(['learner', 'erase', 'nobody', '--reason', 'ticket 13'], env);
    expect(unknown.error).toContain('LEARNER.NOT_FOUND: No personal data of learner nobody is held');

    await catchUp(env);
    const after = await sooc(['learner', 'export', 'ada'], env);
    const exported = JSON.parse(after.out.join('\n'));
    expect(exported.personalData).toBe('erased');
    const events = exported.data.enrollments[0].events as {
      type: string;
      data: { dossier?: { motivation: string } };
    }[];
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['ApplicationSubmitted', 'OfferAccepted']));
    expect(events.find((e) => e.type === 'ApplicationSubmitted')?.data.dossier?.motivation).toBe('[erased]');
    expect(exported.data.other).toEqual([
      expect.objectContaining({
        type: 'LearnerErased',
        reason: 'ticket 12',
        actor: { id: 'officer-7', role: 'compliance' },
      }),
    ]);
    expect(filesHolding(dataDir, [PRE_SEALING_MOTIVATIONS['ada']!])).toEqual([]);
  });
});
