import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@sooc/event-store';
import { gatewayClient, type GatewayClient, type GraphQLResponse } from './gateway.client';
import { asHarness, draftCourse, OPEN, planCohort, submission, SUBMIT } from './e2e.documents';
import { startService, waitUntilReady, type ServiceProcess } from './service.process';
import { healthOf } from './worker.checks';

/**
 * The run: the embedded gateway's data directory on a 5 MB tmpfs, filled up while it
 * serves. A real full disk (ENOSPC, which SQLite reports as SQLITE_FULL) rather than a limit SQLite
 * imposes on itself: the write-ahead log and the lease rows fail as they would in production.
 * Mounting needs CAP_SYS_ADMIN (root, as CI runs).
 */
describe('the embedded gateway on a full disk (a 5 MB tmpfs)', () => {
  const mountPoint = mkdtempSync(join(tmpdir(), 'sooc-full-disk-'));
  let gateway: ServiceProcess;
  let client: GatewayClient;
  let cohortId: string;
  const filler = join(mountPoint, 'filler');
  const acknowledged: string[] = [];

  beforeAll(async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=5m', 'tmpfs', mountPoint]);
    gateway = startService('gateway', 'gateway', { SOOC_DATA_DIR: join(mountPoint, 'data'), LOG_LEVEL: 'warn' });
    await waitUntilReady(gateway, 45_000);
    client = gatewayClient('gateway', await gateway.baseUrl(), join(mountPoint, 'data'));
    const courseId = await draftCourse(asHarness(client), { selectionPolicy: 'FIRST_COME', prerequisites: [] });
    cohortId = await planCohort(asHarness(client), courseId, { capacity: 500 });
    await client.gql(OPEN, { cohortId });
  }, 60_000);

  afterAll(async () => {
    await gateway?.stop();
    execFileSync('umount', ['-l', mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  const submit = (learnerId: string) =>
    client.gql<{ submitApplication: { position: string } }>(SUBMIT, submission(cohortId, learnerId));

  it('refuses writes with STORAGE_FULL once the disk is full, serves reads, says why it is not ready, and stays up', async () => {
    for (let i = 0; i < 5; i++) if (!(await submit(`before-${i}`)).errors) acknowledged.push(`before-${i}`);
    fill();
    const answers: GraphQLResponse[] = [];
    for (let i = 0; i < 10; i++) {
      const answer = await submit(`during-${i}`);
      answers.push(answer);
      if (!answer.errors) acknowledged.push(`during-${i}`);
    }
    const codes = new Set(answers.flatMap((a) => a.errors ?? []).map((e) => e.extensions?.['code']));
    expect(codes).toEqual(new Set(['STORAGE_FULL']));
    const read = await client.gql<{ cohort: { id: string } }>('query($id: ID!) { cohort(cohortId: $id) { id } }', {
      id: cohortId,
    });
    expect([read.errors, read.data?.cohort?.id]).toEqual([undefined, `Cohort:${cohortId}`]);
    // Longer than the workers' lease TTL (5 s): the lease cannot be renewed on a full disk either.
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    const health = await healthOf(gateway);
    expect(health.status).toBe(503);
    expect(JSON.stringify(health.report)).toContain('full');
    expect(gateway.child.exitCode).toBeNull();
  }, 60_000);

  it('takes writes again by itself once space returns, with everything acknowledged before', async () => {
    rmSync(filler, { force: true });
    let answer = await submit('after-0');
    for (let i = 0; i < 50 && answer.errors; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      answer = await submit('after-0');
    }
    expect(answer.errors).toBeUndefined();
    acknowledged.push('after-0');
    await waitUntilReady(gateway, 30_000);
    expect(gateway.child.exitCode).toBeNull();
    const store = SqliteEventStore.open(join(mountPoint, 'data', 'events.sqlite'));
    try {
      const submitted = (await store.readAll())
        .filter((e) => e.type === 'ApplicationSubmitted')
        .map((e) => (e.data as { learnerId: string }).learnerId);
      expect(acknowledged.filter((learnerId) => !submitted.includes(learnerId))).toEqual([]);
      expect(acknowledged.length).toBeGreaterThan(5);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('refuses to start on a full disk, saying so', async () => {
    await gateway.stop();
    fill();
    const again = startService('gateway', 'gateway again', {
      SOOC_DATA_DIR: join(mountPoint, 'data'),
      LOG_LEVEL: 'warn',
    });
    const exit = await again.exited;
    rmSync(filler, { force: true });
    expect(exit.code).toBe(1);
    expect(again.stderr()).toContain('failed to start: the disk under');
    expect(again.stderr()).toContain('is full');
  }, 60_000);

  /** Takes all the space left on the tmpfs. */
  function fill() {
    const chunk = Buffer.alloc(64 * 1024, 1);
    try {
      for (let i = 0; i < 200; i++) writeFileSync(filler, chunk, { flag: 'a' });
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOSPC') throw error;
    }
  }
});
