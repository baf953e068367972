import type { Command, Decider, DomainEvent } from '@sooc/event-sourcing';
import { randomUUID } from 'node:crypto';
import { cohortDecider } from '../lib/cohort.decider';
import { courseDecider } from '../lib/course.decider';
import { cohortStream, courseStream } from '../lib/streams';

/** What a spec's command path offers (the CommandRunner has this shape). */
export interface SpecCommands {
  run<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: Omit<C, 'metadata'>,
  ): Promise<unknown>;
  load<E extends DomainEvent, S>(
    decider: Pick<Decider<never, E, S>, 'evolve' | 'initialState'>,
    streamId: string,
  ): Promise<S>;
}

/** An open cohort (20 seats, March window) of a course asking for TypeScript; returns its id. */
export async function givenOpenCohort(
  commands: SpecCommands,
  selectionPolicy: 'first-come' | 'review' = 'review',
): Promise<string> {
  const courseId = randomUUID();
  const course = {
    courseId,
    title: 'Event sourcing',
    summary: 'Small groups.',
    topics: ['events'],
    language: 'en',
    prerequisites: ['TypeScript'],
    selectionPolicy,
    defaultCapacity: 20,
  };
  await commands.run(courseDecider, courseStream(courseId), { type: 'DraftCourse', data: course });
  const cohortId = randomUUID();
  const window = { opensAt: '2026-03-01T00:00:00Z', closesAt: '2026-04-01T00:00:00Z' };
  const plan = {
    cohortId,
    courseId,
    title: 'Spring',
    capacity: 20,
    applicationWindow: window,
    startsOn: '2026-04-10',
    endsOn: '2026-06-30',
    course: await commands.load(courseDecider, courseStream(courseId)),
  };
  await commands.run(cohortDecider, cohortStream(cohortId), { type: 'PlanCohort', data: plan });
  await commands.run(cohortDecider, cohortStream(cohortId), { type: 'OpenApplications', data: { cohortId } });
  return cohortId;
}
