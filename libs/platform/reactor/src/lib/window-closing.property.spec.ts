import fc from 'fast-check';
import { cohortStream } from '@sooc/cohorts-domain';
import { enrollmentIdOf, type Dossier } from '@sooc/enrollment-domain';
import { DomainError, type RecordedEvent } from '@sooc/event-sourcing';
import { applyDueClosingEvent, type DueClosingEvent, type DueClosingRow } from '@sooc/cohorts-read-models';
import { InMemoryWorld } from '../testing/in-memory.world';
import { windowClosingReactions } from './process-managers';

/**
 * Issue 10 #1: over random interleavings of clock moves, opening, submissions, timer ticks on a
 * lagging due-closings read model and reactor restarts, no submission is accepted outside the
 * window in effect, and the cohort closes itself at closesAt exactly once.
 */
const COHORT = 'c-window';
const HOUR = 3_600_000;
const BASE = Date.parse('2026-03-01T00:00:00.000Z');
const dossier: Dossier = {
  name: null,
  email: null,
  motivation: 'Learn with peers',
  level: 'beginner',
  companyId: null,
  shareWithCompany: false,
  answers: {},
  prerequisitesMet: [],
};

type Step =
  | { readonly kind: 'advance'; readonly minutes: number }
  | { readonly kind: 'open' }
  | { readonly kind: 'submit' }
  | { readonly kind: 'project'; readonly upTo: number }
  | { readonly kind: 'tick' }
  | { readonly kind: 'restart' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.integer({ min: 0, max: 36 * 60 }).map((minutes) => ({ kind: 'advance' as const, minutes })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'open' as const }) },
  { weight: 4, arbitrary: fc.constant({ kind: 'submit' as const }) },
  {
    weight: 2,
    arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((upTo) => ({ kind: 'project' as const, upTo })),
  },
  { weight: 3, arbitrary: fc.constant({ kind: 'tick' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

/** The reactor's due-closings read model: rows and the position it has projected up to (saved together). */
class DueClosings {
  private rows = new Map<string, DueClosingRow>();
  private projected = 0;

  constructor(private readonly world: InMemoryWorld) {}

  /** Projects the cohort events up to a fraction of the way to the head: a read model that lags. */
  async project(fraction: number): Promise<void> {
    const events = (await this.world.store.readAll()).filter((e) =>
      ['ApplicationsOpened', 'ApplicationsClosed', 'CohortCancelled'].includes(e.type),
    ) as RecordedEvent<DueClosingEvent>[];
    const upTo = Math.max(this.projected, Math.floor(events.length * fraction));
    for (const event of events.slice(this.projected, upTo)) {
      const key = event.data.cohortId;
      const next = applyDueClosingEvent(this.rows.get(key) ?? null, event);
      if (next) this.rows.set(key, next);
      else this.rows.delete(key);
    }
    this.projected = upTo;
  }

  due(nowIso: string) {
    return [...this.rows.values()]
      .filter((r) => r.closes_at <= nowIso)
      .map((r) => ({ cohortId: r.cohort_id, closesAt: r.closes_at }));
  }
}

async function plannedCohort(world: InMemoryWorld, opensInHours: number, lastsHours: number): Promise<void> {
  const course = await world.course({
    type: 'DraftCourse',
    data: {
      courseId: 'course-w',
      title: 'Windows',
      summary: '',
      topics: [],
      language: 'en',
      prerequisites: [],
      selectionPolicy: 'first-come',
      defaultCapacity: 20,
    },
  });
  const opensAt = new Date(BASE + opensInHours * HOUR);
  await world.cohort({
    type: 'PlanCohort',
    data: {
      cohortId: COHORT,
      courseId: 'course-w',
      title: 'Window',
      capacity: 20,
      applicationWindow: {
        opensAt: opensAt.toISOString(),
        closesAt: new Date(opensAt.getTime() + lastsHours * HOUR).toISOString(),
      },
      startsOn: '2026-06-01',
      endsOn: '2026-06-30',
      course: course.state,
    },
  });
}

describe('the application window, closed by the reactor on its clock', () => {
  it('accepts submissions only inside [opensAt, closesAt) and closes at closesAt exactly once, across restarts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 72 }),
        fc.integer({ min: 1, max: 96 }),
        fc.array(step, { maxLength: 40 }),
        async (opensInHours, lastsHours, steps) => {
          const world = new InMemoryWorld();
          world.now = new Date(BASE);
          await plannedCohort(world, opensInHours, lastsHours);
          let readModel = new DueClosings(world);
          const attempts: { at: string; accepted: boolean; open: boolean }[] = [];
          let learners = 0;
          const tick = async () => {
            for (const reaction of windowClosingReactions(readModel.due(world.now.toISOString())))
              await world.send(reaction);
          };
          for (const s of steps) {
            switch (s.kind) {
              case 'advance':
                world.now = new Date(world.now.getTime() + s.minutes * 60_000);
                break;
              case 'open':
                try {
                  await world.cohort({ type: 'OpenApplications', data: { cohortId: COHORT } });
                } catch (error) {
                  if (!(error instanceof DomainError)) throw error;
                }
                break;
              case 'submit': {
                const learnerId = `l${++learners}`;
                const cohort = await snapshot(world);
                const command = {
                  type: 'SubmitApplication' as const,
                  data: {
                    enrollmentId: enrollmentIdOf(COHORT, learnerId),
                    cohortId: COHORT,
                    learnerId,
                    dossier,
                    cohort,
                  },
                };
                try {
                  await world.enrollment(command, { id: learnerId, role: 'learner' });
                  attempts.push({ at: world.now.toISOString(), accepted: true, open: cohort.status === 'open' });
                } catch (error) {
                  if (!(error instanceof DomainError)) throw error;
                  attempts.push({ at: world.now.toISOString(), accepted: false, open: cohort.status === 'open' });
                }
                break;
              }
              case 'project':
                await readModel.project(s.upTo);
                break;
              case 'tick':
                await tick();
                break;
              case 'restart':
                // A new reactor process: the read model is what it saved; its timer starts again.
                await readModel.project(0);
                break;
            }
          }
          // Whatever happened, the reactor eventually catches up and its clock passes closesAt.
          const cohort = await world.cohortState(COHORT);
          if (cohort.status === 'none') throw new Error('planned above');
          const closesAt = cohort.applicationWindow.closesAt;
          world.now = new Date(Math.max(world.now.getTime(), Date.parse(closesAt)));
          await readModel.project(1);
          await tick();
          readModel = new DueClosings(world);
          await readModel.project(1);
          await tick();

          const events = await world.store.readStream(cohortStream(COHORT));
          const opened = events.find((e) => e.type === 'ApplicationsOpened');
          const closings = events.filter((e) => e.type === 'ApplicationsClosed');
          const window = cohort.applicationWindow;
          for (const attempt of attempts.filter((a) => a.accepted)) {
            expect(opened).toBeDefined();
            expect(attempt.at >= window.opensAt && attempt.at < window.closesAt).toBe(true);
          }
          // Inside the window of an open cohort, nothing refused a submission.
          for (const attempt of attempts.filter((a) => !a.accepted && a.open)) {
            expect(attempt.at >= window.opensAt && attempt.at < window.closesAt).toBe(false);
          }
          if (opened) {
            expect(closings).toHaveLength(1);
            expect(closings[0].data).toEqual({ cohortId: COHORT, because: 'window-ended' });
            expect(closings[0].metadata.occurredAt >= window.closesAt).toBe(true);
          } else {
            expect(closings).toHaveLength(0);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

async function snapshot(world: InMemoryWorld) {
  const cohort = await world.cohortState(COHORT);
  if (cohort.status === 'none') throw new Error('planned first');
  return {
    status: cohort.status,
    selectionPolicy: cohort.selectionPolicy,
    prerequisites: [],
    sessions: cohort.settings.sessions,
    applicationWindow: cohort.applicationWindow,
  };
}
