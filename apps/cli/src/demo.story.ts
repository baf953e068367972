import { ADMIN, DemoActors } from './demo.actions';
import type { SeedGateway } from './seed.gateway';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** How far back the story starts: it ends at the instant the seed was asked for. */
export const STORY_WEEKS = 13;

const mutation = (field: string, input: string) =>
  `mutation($input: ${input}!) { ${field}(input: $input) { position } }`;
const DRAFT = mutation('draftCourse', 'DraftCourseInput');
const PLAN = mutation('planCohort', 'PlanCohortInput');
const CONFIGURE = mutation('configureCohort', 'ConfigureCohortInput');
const QUOTA = mutation('setCompanyQuota', 'SetCompanyQuotaInput');
const OPEN = mutation('openApplications', 'OpenApplicationsInput');
const CLOSE = mutation('closeApplications', 'CloseApplicationsInput');
const START = mutation('startCohort', 'StartCohortInput');
const COMPLETE = mutation('completeCohort', 'CompleteCohortInput');
const CANCEL = mutation('cancelCohort', 'CancelCohortInput');
const GROUPS = mutation('formGroups', 'FormGroupsInput');
const ATTEND = mutation('recordAttendance', 'RecordAttendanceInput');
const RUBRIC = mutation('defineRubric', 'DefineRubricInput');

export interface StoryOptions {
  /** Multiplies the applications and the seats (1: about 340 applications over six cohorts). */
  readonly scale: number;
  /** The instant the story ends at (now): it starts STORY_WEEKS before. */
  readonly end: number;
  /** Prefixes this run's ids. */
  readonly tag: string;
}

/** The instant the story starts at, for the clock the gateway is started with. */
export function storyStart(end: number): number {
  return end - STORY_WEEKS * WEEK;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** A third of the learners (by their place in the roster) rarely come, and end up dropped. */
const keenness = (index: number) => (index % 3 === 2 ? 0.1 : 0.95);
const date = (ms: number) => iso(ms).slice(0, 10);

/**
 * Thirteen weeks of a training provider, written as they happen: courses drafted, cohorts planned
 * and opened, applications arriving week by week, offers answered or left to lapse as the clock
 * jumps, withdrawals, reviews and decisions, cohorts closed, started, attended, completed and
 * cancelled. Ends with a cohort of each status and applications in every status reachable.
 */
export async function runDemoStory(g: SeedGateway, { scale, end, tag }: StoryOptions): Promise<string[]> {
  const t0 = storyStart(end);
  const actors = new DemoActors(g, tag);
  const n = (count: number) => Math.max(2, Math.round(count * scale));
  const admin = (query: string, input: Record<string, unknown>) => g.gql(query, { input }, ADMIN);
  const cohorts: string[] = [];
  /**
   * Cohorts whose learners may hold offers: before the clock moves, about half answer the offers
   * they got that day; after it moved, those whose offer did not lapse meanwhile answer too.
   */
  const answering = new Set<string>();
  const at = async (ms: number) => {
    for (const cohortId of answering) await actors.answerOffers(cohortId, { accept: 0.45, decline: 0.1 });
    await g.moveTo(ms);
    for (const cohortId of answering) await actors.answerOffers(cohortId);
  };

  const courses = {
    es: { title: 'Event sourcing in practice', policy: 'FIRST_COME', prerequisites: [] as string[] },
    ddd: { title: 'Domain-driven design with peers', policy: 'REVIEW', prerequisites: ['TypeScript'] },
    cqrs: { title: 'CQRS and read models', policy: 'FIRST_COME', prerequisites: [] as string[] },
  };
  for (const [key, course] of Object.entries(courses))
    await admin(DRAFT, {
      courseId: `course-${tag}-${key}`,
      title: course.title,
      summary: `${course.title}: small groups build a real system over eight weeks.`,
      topics: [key],
      language: 'en',
      prerequisites: course.prerequisites,
      selectionPolicy: course.policy,
      defaultCapacity: 20,
    });

  /** Plans a cohort whose window opens now (an hour ago) and opens it, with its settings and quotas. */
  const openCohort = async (
    key: string,
    course: keyof typeof courses,
    spec: { capacity: number; closes: number; starts: number; ends: number; ttl: number },
    quotas: Record<string, number> = {},
  ) => {
    const cohortId = `cohort-${tag}-${key}`;
    cohorts.push(cohortId);
    await admin(PLAN, {
      cohortId,
      courseId: `course-${tag}-${course}`,
      title: `${courses[course].title} — ${key}`,
      capacity: n(spec.capacity),
      applicationWindow: { opensAt: iso(g.now - HOUR), closesAt: iso(spec.closes) },
      startsOn: date(spec.starts),
      endsOn: date(spec.ends),
    });
    await admin(CONFIGURE, { cohortId, offerTtlHours: spec.ttl, sessions: 6, completionThreshold: 0.5 });
    for (const [companyId, seats] of Object.entries(quotas))
      await admin(QUOTA, { cohortId, companyId, seats: Math.max(1, Math.round(seats * scale)) });
    if (courses[course].policy === 'REVIEW')
      await admin(RUBRIC, {
        cohortId,
        blind: false,
        reviewsRequired: 2,
        criteria: [
          { id: 'motivation', label: 'Motivation', weight: 2 },
          { id: 'fit', label: 'Fit with the course', weight: 1 },
        ],
      });
    await admin(OPEN, { cohortId });
    answering.add(cohortId);
    return cohortId;
  };
  /** The window closes at its end by itself (the reactor); an admin closes it earlier. */
  const closeIfOpen = (cohortId: string) => g.attempt(CLOSE, { input: { cohortId } }, ADMIN);
  /** At a small --scale a cohort may have no confirmed learner to group: it then has no groups. */
  const formGroups = (cohortId: string, targetSize: number) =>
    g.attempt(GROUPS, { input: { cohortId, targetSize, seed: tag } }, ADMIN);
  const attend = async (cohortId: string, sessions: readonly number[]) => {
    const enrolled = await actors.list(cohortId, 'ENROLLED');
    for (const [index, { learnerId }] of enrolled.entries())
      for (const session of sessions)
        await admin(ATTEND, { cohortId, learnerId, session, attended: actors.random() < keenness(index) });
  };

  // Weeks 0-4: the spring cohort fills first come, first served, offers answered or lapsing.
  await at(t0);
  const spring = await openCohort(
    'spring',
    'es',
    { capacity: 12, closes: t0 + 3 * WEEK, starts: t0 + 4 * WEEK, ends: t0 + 9 * WEEK, ttl: 48 },
    { acme: 3, initech: 2 },
  );
  await at(t0 + DAY);
  await actors.apply(spring, n(14));
  await at(t0 + 2 * DAY);
  await actors.apply(spring, n(10));
  await at(t0 + 6 * DAY);
  await actors.withdraw(spring, 'WAITLISTED', 1);
  await at(t0 + 10 * DAY);
  await actors.apply(spring, n(6));

  await at(t0 + 2 * WEEK);
  const summer = await openCohort('summer', 'es', {
    capacity: 20,
    closes: t0 + 6 * WEEK,
    starts: t0 + 7 * WEEK,
    ends: end + 8 * WEEK,
    ttl: 72,
  });
  await actors.apply(summer, n(16));
  await actors.answerOffers(spring);
  await at(t0 + 2 * WEEK + 2 * DAY);
  await actors.apply(summer, n(14));
  await at(t0 + 3 * WEEK + DAY);
  await closeIfOpen(spring);
  await formGroups(spring, 4);
  await at(t0 + 4 * WEEK);
  await admin(START, { cohortId: spring });
  answering.delete(spring);
  await attend(spring, [1, 2]);

  // Weeks 5-8: summer fills and starts; a cohort is cancelled; another closes early.
  await at(t0 + 5 * WEEK);
  const cancelled = await openCohort('winter-pilot', 'cqrs', {
    capacity: 15,
    closes: t0 + 10 * WEEK,
    starts: t0 + 11 * WEEK,
    ends: t0 + 16 * WEEK,
    ttl: 72,
  });
  await actors.apply(cancelled, n(20));
  await actors.apply(summer, n(10));
  await actors.answerOffers(summer);
  await actors.withdraw(summer, 'ENROLLED', 1);
  await at(t0 + 5 * WEEK + 2 * DAY);
  await attend(spring, [3, 4]);
  await at(t0 + 6 * WEEK + HOUR);
  const closed = await openCohort('evening', 'es', {
    capacity: 12,
    closes: end + 3 * WEEK,
    starts: end + 4 * WEEK,
    ends: end + 10 * WEEK,
    ttl: 72,
  });
  await actors.apply(closed, n(20));
  await actors.answerOffers(cancelled);
  await at(t0 + 6 * WEEK + 3 * DAY);
  await attend(spring, [5, 6]);
  await closeIfOpen(summer);
  await formGroups(summer, 5);
  await at(t0 + 7 * WEEK);
  await admin(START, { cohortId: summer });
  answering.delete(summer);
  const autumn = await openCohort('autumn-review', 'ddd', {
    capacity: 30,
    closes: end + 4 * WEEK,
    starts: end + 6 * WEEK,
    ends: end + 14 * WEEK,
    ttl: 72,
  });
  const ddd = { prerequisites: courses.ddd.prerequisites, lacking: 0.1 };
  await actors.apply(autumn, n(40), ddd);
  await at(t0 + 8 * WEEK);
  answering.delete(cancelled);
  await admin(CANCEL, { cohortId: cancelled, reason: 'The trainer fell ill; the pilot moves to next year' });
  await actors.apply(autumn, n(30), ddd);
  await actors.decide(autumn, await actors.review(autumn, ['reviewer-ana', 'reviewer-ben']));

  // Weeks 9-13: spring completes; the review cohort and a large first-come cohort stay open.
  await at(t0 + 9 * WEEK);
  await admin(COMPLETE, { cohortId: spring });
  const large = await openCohort(
    'autumn-open',
    'cqrs',
    { capacity: 40, closes: end + 5 * WEEK, starts: end + 6 * WEEK, ends: end + 12 * WEEK, ttl: 72 },
    { acme: 6, initech: 4, globex: 4 },
  );
  await actors.apply(large, n(30));
  await actors.answerOffers(autumn);
  await at(t0 + 10 * WEEK);
  await actors.apply(large, n(30));
  await actors.decide(autumn, await actors.review(autumn, ['reviewer-ana', 'reviewer-ben'], 0.6));
  await at(t0 + 11 * WEEK);
  await closeIfOpen(closed);
  await actors.withdraw(large, 'WAITLISTED', n(2));
  await actors.apply(autumn, n(30), ddd);
  await at(t0 + 12 * WEEK);
  await actors.answerOffers(autumn, { accept: 0.5, decline: 0.3 });
  await actors.apply(large, n(30));
  await actors.answerOffers(large, { accept: 0.5, decline: 0.3 });
  await at(end - DAY);
  await actors.decide(autumn, await actors.review(autumn, ['reviewer-ana', 'reviewer-ben'], 0.5));
  await actors.review(autumn, ['reviewer-ana'], 0.5);
  await actors.apply(large, n(15));
  await actors.withdraw(autumn, 'SUBMITTED', 1);
  await admin(PLAN, {
    cohortId: `cohort-${tag}-next-spring`,
    courseId: `course-${tag}-ddd`,
    title: `${courses.ddd.title} — next spring`,
    capacity: n(24),
    applicationWindow: { opensAt: iso(end + 2 * WEEK), closesAt: iso(end + 6 * WEEK) },
    startsOn: date(end + 7 * WEEK),
    endsOn: date(end + 15 * WEEK),
  });
  cohorts.push(`cohort-${tag}-next-spring`);
  // The last offers stay open: the story ends before anyone answers them.
  await g.moveTo(end);
  return cohorts;
}
