import { learnerPrivacyStream } from '@sooc/compliance-domain';
import { DomainError } from '@sooc/event-sourcing';
import { MemoryEventStore } from '@sooc/event-store';
import { CommandRunner, RequestContext } from '@sooc/nest';
import { MemoryKeyStore } from '@sooc/personal-data';
import { FixedClock } from '@sooc/timing';
import { eraseLearner } from './erase-learner.handler';

const NOW = new Date('2027-03-03T09:00:00.000Z');
const officer = RequestContext.as({ id: 'officer-7', role: 'compliance' }, 'corr-1');

describe('eraseLearner', () => {
  let store: MemoryEventStore;
  let keys: MemoryKeyStore;
  let runner: CommandRunner;
  beforeEach(() => {
    store = new MemoryEventStore();
    keys = new MemoryKeyStore();
    runner = new CommandRunner(store, new FixedClock(NOW));
  });
  const erase = (learnerId: string, reason = 'GDPR request #4411') =>
    RequestContext.run(officer, () => eraseLearner(runner, keys, NOW, { learnerId, reason }));
  const recorded = async (learnerId: string) => store.readStream(learnerPrivacyStream(learnerId));

  it("deletes the learner's key, then records who erased them and why; erasing again changes nothing", async () => {
    await keys.keyFor('ada');
    const first = await erase('ada');
    expect(first).toMatchObject({ learnerId: 'ada', keysDeleted: 1, alreadyErased: false });
    expect(await keys.statusOf('ada')).toBe('erased');
    const [event] = await recorded('ada');
    expect(event).toMatchObject({
      type: 'LearnerErased',
      data: { learnerId: 'ada', reason: 'GDPR request #4411', keysDeleted: 1 },
      metadata: { actor: { id: 'officer-7', role: 'compliance' }, occurredAt: NOW.toISOString() },
    });
    const again = await erase('ada');
    expect(again).toMatchObject({ keysDeleted: 0, alreadyErased: true });
    expect(await recorded('ada')).toHaveLength(1);
  });

  it('records an erasure whose keys went in an attempt that stopped before recording it', async () => {
    await keys.keyFor('ada');
    await keys.erase('ada', NOW);
    expect(await erase('ada')).toMatchObject({ keysDeleted: 0, alreadyErased: false });
    expect((await recorded('ada')).map((e) => e.type)).toEqual(['LearnerErased']);
  });

  it('refuses a learner nobody applied as, and a request without a reason, deleting and writing nothing', async () => {
    await keys.keyFor('ada');
    const refusal = async (run: Promise<unknown>) =>
      run.then(
        () => null,
        (e: unknown) => (e as DomainError).code,
      );
    expect(await refusal(erase('nobody'))).toBe('LEARNER.NOT_FOUND');
    expect(await refusal(erase('ada', '  '))).toBe('COMPLIANCE.REASON_INVALID');
    expect(await keys.statusOf('ada')).toBe('active');
    expect(await store.readAll()).toEqual([]);
  });
});
