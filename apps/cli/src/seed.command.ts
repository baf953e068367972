import { Command, InvalidArgumentError } from 'commander';
import { errorMessage } from '@sooc/util';
import { ADMIN } from './demo.actions';
import { runDemoStory, storyStart, STORY_WEEKS } from './demo.story';
import type { ProgressOutput } from './replay.progress';
import { SeedGateway } from './seed.gateway';
import { SeedProgress } from './seed.progress';

interface SeedOptions {
  readonly demo?: boolean;
  readonly dataDir: string;
  readonly scale: number;
  readonly force?: boolean;
}

const SUMMARY = `query($c: ID!) {
  cohort(cohortId: $c) { status }
  cohortDashboard(cohortId: $c) { applicationsByStatus { status count } }
}`;

interface CohortSummary {
  cohort: { status: string } | null;
  cohortDashboard: { applicationsByStatus: { status: string; count: number }[] } | null;
}

function parseScale(value: string): number {
  const scale = Number(value);
  if (!Number.isFinite(scale) || scale < 0.1 || scale > 10)
    throw new InvalidArgumentError(`--scale is a number from 0.1 to 10 (got "${value}")`);
  return scale;
}

const counted = (counts: Map<string, number>) =>
  [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${status} ${count}`)
    .join(', ');

/**
 * `sooc seed --demo`: a demo history written through a private gateway on the stores of the
 * environment, so every event is decided by the domain and every reaction is the reactor's.
 */
export function seedCommand(env: NodeJS.ProcessEnv, print: (line: string) => void, progressOut: ProgressOutput) {
  return new Command('seed')
    .description(
      `Fill the stores named by the environment (SOOC_DATA_DIR, SOOC_EVENT_STORE_URL, …) with ${STORY_WEEKS} weeks of demo history ` +
        'ending now: courses, cohorts in every status, companies with quotas and hundreds of applications in every status, ' +
        'written through the gateway (its handlers, reactor and projections). Stop the gateway first: the seed runs its own.',
    )
    .option('--demo', 'the demo story (the only seed there is; required, so that seeding is never an accident)')
    .option('--data-dir <dir>', 'the data directory to fill (SOOC_DATA_DIR)', env['SOOC_DATA_DIR'] || './data')
    .option('--scale <factor>', 'multiplies applications and seats: 1 is about 340 applications', parseScale, 1)
    .option(
      '--force',
      'seed even if the event store holds events: the demo is added next to them with ids of its own, ' +
        `dated the ${STORY_WEEKS} weeks before now (which may interleave with the times already there)`,
    )
    .action(async (options: SeedOptions, command: Command) => {
      if (!options.demo) command.error('say --demo: it is the only seed, and it writes a whole demo history');
      const end = Math.floor(Date.now() / 60_000) * 60_000 - 60_000;
      let g: SeedGateway;
      try {
        g = await SeedGateway.start(env, options.dataDir, storyStart(end));
      } catch (error) {
        return command.error(`cannot start the seed's gateway: ${errorMessage(error)}`);
      }
      // command.error exits at once: the gateway is closed first, releasing its workers' leases.
      let failure: string | null = null;
      try {
        failure = await seed(g, options, end, print, progressOut);
      } catch (error) {
        failure = `the seed stopped: ${errorMessage(error)}`;
      } finally {
        await g.close();
      }
      if (failure) command.error(failure);
    });
}

/** The story and its summary; a refusal to seed is returned as the message to exit with. */
async function seed(
  g: SeedGateway,
  options: SeedOptions,
  end: number,
  print: (line: string) => void,
  progressOut: ProgressOutput,
): Promise<string | null> {
  const head = await g.headPosition();
  if (head !== null && !options.force)
    return (
      `the event store of ${options.dataDir} is not empty (head at position ${head}): ` +
      'seed an empty data directory (--data-dir, SOOC_DATA_DIR), or pass --force to add the demo next to it'
    );
  const progress = new SeedProgress(
    progressOut,
    () => g.headPosition(),
    () => g.now,
  );
  await progress.begin();
  const tag = `demo${Date.now().toString(36).slice(-5)}`;
  let cohortIds: string[];
  try {
    cohortIds = await runDemoStory(g, { scale: options.scale, end, tag });
  } finally {
    const { events, seconds, eventsPerSecond } = await progress.finish();
    print(
      `seeded ${events.toLocaleString('en-US')} events in ${seconds.toFixed(1)} s ` +
        `(${Math.round(eventsPerSecond).toLocaleString('en-US')} events/s), ids tagged ${tag}`,
    );
  }
  const cohorts = new Map<string, number>();
  const applications = new Map<string, number>();
  for (const cohortId of cohortIds) {
    const summary = await g.gql<CohortSummary>(SUMMARY, { c: cohortId }, ADMIN);
    const status = summary.cohort?.status ?? 'MISSING';
    cohorts.set(status, (cohorts.get(status) ?? 0) + 1);
    for (const { status: s, count } of summary.cohortDashboard?.applicationsByStatus ?? [])
      applications.set(s, (applications.get(s) ?? 0) + count);
  }
  const total = [...applications.values()].reduce((a, b) => a + b, 0);
  print(`cohorts (${cohortIds.length}): ${counted(cohorts)}`);
  print(`applications (${total}): ${counted(applications)}`);
  return null;
}
