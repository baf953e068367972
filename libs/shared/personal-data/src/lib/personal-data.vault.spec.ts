import { ERASED } from '@sooc/event-sourcing';
import { MemoryKeyStore } from './memory.key-store';
import { PersonalDataVault } from './personal-data.vault';
import { looksSealed } from './sealed-text';

const DECLARATIONS = [
  {
    type: 'ApplicationSubmitted',
    subject: 'learnerId',
    paths: ['dossier.name', 'dossier.motivation', 'dossier.answers'],
    sealedSince: 1,
  },
];

const submitted = (learnerId: string) => ({
  learnerId,
  cohortId: 'c1',
  dossier: { name: null, motivation: `I am ${learnerId}`, level: 'beginner', answers: { why: 'peers', how: 'online' } },
});

describe('PersonalDataVault', () => {
  let vault: PersonalDataVault;
  beforeEach(() => (vault = new PersonalDataVault(new MemoryKeyStore(), DECLARATIONS)));

  it("seals the declared fields with the subject's key (each answer on its own), and nothing else", async () => {
    const data = submitted('ada');
    const sealed = (await vault.sealData('ApplicationSubmitted', data)) as ReturnType<typeof submitted>;
    expect(sealed.learnerId).toBe('ada');
    expect(sealed.dossier.level).toBe('beginner');
    expect(sealed.dossier.name).toBeNull();
    expect(looksSealed(sealed.dossier.motivation)).toBe(true);
    expect(Object.keys(sealed.dossier.answers)).toEqual(['why', 'how']);
    expect(Object.values(sealed.dossier.answers).every(looksSealed)).toBe(true);
    expect(data.dossier.motivation).toBe('I am ada');
    expect(await vault.sealData('CohortOpened', { cohortId: 'c1' })).toEqual({ cohortId: 'c1' });
  });

  it('refuses to seal an event whose subject is missing, rather than store its data in clear', async () => {
    await expect(vault.sealData('ApplicationSubmitted', { dossier: { motivation: 'x' } })).rejects.toThrow(
      /names no learnerId/,
    );
  });

  it("seals a non-learner's secret under its own namespaced key, which no learner's erasure can reach", async () => {
    const keys = new MemoryKeyStore();
    const secrets = new PersonalDataVault(keys, [
      ...DECLARATIONS,
      {
        type: 'WebhookEndpointAdded',
        subject: ['partnerId', 'endpointId'],
        namespace: 'webhook-secret',
        paths: ['secret'],
        sealedSince: 1,
      },
    ]);
    // A learner whose id is the partner's: the two keys must stay apart.
    const added = { partnerId: 'acme', endpointId: 'hooks', secret: 'whsec_c2VjcmV0' };
    const sealed = (await secrets.sealData('WebhookEndpointAdded', added)) as typeof added;
    const application = await secrets.sealData('ApplicationSubmitted', submitted('acme'));
    expect(looksSealed(sealed.secret)).toBe(true);
    expect(await keys.statusOf('webhook-secret:acme/hooks')).toBe('active');

    await keys.erase('acme', new Date());
    expect(await secrets.reveal(sealed)).toEqual(added);
    expect(((await secrets.reveal(application)) as ReturnType<typeof submitted>).dossier.motivation).toBe(ERASED);
    await expect(secrets.sealData('WebhookEndpointAdded', { partnerId: 'acme', secret: 'x' })).rejects.toThrow(
      /names no endpointId/,
    );
  });

  it('reveals sealed values anywhere in a response, and [erased] for an erased subject only', async () => {
    const ada = await vault.sealData('ApplicationSubmitted', submitted('ada'));
    const grace = await vault.sealData('ApplicationSubmitted', submitted('grace'));
    const response = { data: { applications: [ada, grace], count: 2 } };
    expect(await vault.reveal(response)).toEqual({
      data: { applications: [submitted('ada'), submitted('grace')], count: 2 },
    });

    await vault.keys.erase('ada', new Date());
    const after = (await vault.reveal(response)) as typeof response;
    expect(after.data.applications[0]).toEqual({
      ...submitted('ada'),
      dossier: { ...submitted('ada').dossier, motivation: ERASED, answers: { why: ERASED, how: ERASED } },
    });
    expect(after.data.applications[1]).toEqual(submitted('grace'));
  });

  it('hands back the very same object when nothing in it is sealed', async () => {
    const plain = { a: [1, 'two', { three: null }] };
    expect(await vault.reveal(plain)).toBe(plain);
  });
});
