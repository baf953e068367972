import { systemClock } from '@sooc/timing';
/**
 * Where a submission's CPU goes, without HTTP or GraphQL: the gateway's infrastructure opened as
 * the gateway opens it (openInfrastructure, embedded SQLite stores), the submissions sent
 * straight to the command path (submitApplication through the CommandRunner) by 50 concurrent
 * senders, first with no workers (SOOC_WORKERS=none: the command path alone), then with the
 * embedded projector and reactor (the default). CPU time of the whole process divided by the
 * submissions, counted until the read models have every event: the difference is what the
 * workers spend per submission.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planCohort } from '@sooc/cohorts-application';
import { cohortDecider, cohortStream, courseDecider, courseStream } from '@sooc/cohorts-domain';
import { submitApplication } from '@sooc/enrollment-application';
import { loadConfig, openInfrastructure, type WorkersMode } from '@sooc/gateway';
import { CommandRunner } from '@sooc/nest';
import type { BenchSection } from './bench.types';

const SUBMISSIONS = 6_000;
const SENDERS = 50;
const COHORTS = 40;

export interface Stage {
  readonly cpuMsPerSubmission: number;
  readonly submissionsPerSecond: number;
}

/** The submissions sent straight to the command path, with `workers`: CPU of the process per submission. */
export async function measureStage(workers: WorkersMode): Promise<Stage> {
  const dataDir = mkdtempSync(join(tmpdir(), `sooc-bench-pipeline-${workers}-`));
  const config = loadConfig({ SOOC_DATA_DIR: dataDir, SOOC_WORKERS: workers, LOG_LEVEL: 'error' });
  const clock = systemClock;
  const infrastructure = await openInfrastructure(config, {
    clock,
    reactorTickMs: config.reactorTickMs,
    logLevel: config.logLevel,
    leaseTtlMs: config.leaseTtlMs,
    storeTimeoutMs: config.storeTimeoutMs,
    instanceId: `bench-${workers}`,
    webhooks: config.webhooks,
  });
  try {
    const runner = new CommandRunner(infrastructure.eventStore, clock);
    for (let c = 0; c < COHORTS; c++) {
      const courseId = `course-${c}`;
      const data = {
        courseId,
        title: 'Bench course',
        summary: 'Bench',
        topics: ['bench'],
        language: 'en',
        prerequisites: [],
        selectionPolicy: 'first-come' as const,
        defaultCapacity: 500,
      };
      await runner.run(courseDecider, courseStream(courseId), { type: 'DraftCourse', data });
      const window = { opensAt: '2020-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' };
      const plan = { cohortId: `c-${c}`, courseId, title: 'Bench cohort', capacity: 500, applicationWindow: window };
      await planCohort(runner, { ...plan, startsOn: '2099-02-01', endsOn: '2099-03-01' });
      await runner.run(cohortDecider, cohortStream(`c-${c}`), {
        type: 'OpenApplications',
        data: { cohortId: `c-${c}` },
      });
    }
    const head = await infrastructure.eventStore.headPosition();
    if (workers === 'embedded' && head !== null) await infrastructure.readModels.waitForPosition(head, 60_000);

    const started = performance.now();
    const cpu = process.cpuUsage();
    let next = 0;
    const sender = async (): Promise<void> => {
      while (next < SUBMISSIONS) {
        const i = next++;
        const dossier = {
          name: null,
          email: null,
          motivation: 'Benchmarking',
          level: 'beginner' as const,
          companyId: null,
          shareWithCompany: false,
          answers: {},
          prerequisitesMet: [],
        };
        await submitApplication(runner, { cohortId: `c-${i % COHORTS}`, learnerId: `l-${i}`, dossier });
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, sender));
    if (workers === 'embedded') {
      // Done once the reactor's commands are written and projected too: wait for a quiet head.
      for (let last = -1n; ;) {
        const now = (await infrastructure.eventStore.headPosition()) ?? 0n;
        await infrastructure.readModels.waitForPosition(now, 60_000);
        if (now === last) break;
        last = now;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    const used = process.cpuUsage(cpu);
    const seconds = (performance.now() - started) / 1000;
    return {
      cpuMsPerSubmission: (used.user + used.system) / 1000 / SUBMISSIONS,
      submissionsPerSecond: SUBMISSIONS / seconds,
    };
  } finally {
    await infrastructure.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchSection> {
  const commands = await measureStage('none');
  const embedded = await measureStage('embedded');
  const workers = embedded.cpuMsPerSubmission - commands.cpuMsPerSubmission;
  return {
    title: 'Where a submission’s CPU goes (command path and embedded workers, no HTTP)',
    method:
      `The gateway's infrastructure opened as the gateway opens it (embedded SQLite, synchronous=FULL), ${SUBMISSIONS} first-come submissions over ${COHORTS} cohorts sent straight to the command path by ${SENDERS} concurrent senders: ` +
      'once with SOOC_WORKERS=none (the command path alone), once embedded (projector and reactor in process, each seating or waitlisting, offering and projecting), timed until the read models had every event. ' +
      'CPU time of the process (user + system, so the fsyncs of synchronous=FULL count) per submission.',
    rows: [
      {
        name: 'command path alone (submitApplication)',
        value: commands.cpuMsPerSubmission,
        unit: 'CPU ms / submission',
        note: `${Math.round(commands.submissionsPerSecond)} submissions/s`,
      },
      {
        name: 'with the embedded projector and reactor',
        value: embedded.cpuMsPerSubmission,
        unit: 'CPU ms / submission',
        note: `${Math.round(embedded.submissionsPerSecond)} submissions/s, projected and reacted to`,
      },
    ],
    findings: [
      `the workers (admission, offer, every projection, due offers and closings) cost ${workers.toFixed(2)} CPU ms per submission, ${(workers / commands.cpuMsPerSubmission).toFixed(1)} × the command path itself`,
    ],
  };
}
