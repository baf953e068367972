import { randomUUID } from 'node:crypto';
import {
  cohortDecider,
  cohortStream,
  courseDecider,
  courseStream,
  type CohortCommand,
  type CohortState,
  type CourseCommand,
} from '@sooc/cohorts-domain';
import {
  enrollmentDecider,
  enrollmentStream,
  type EnrollmentCommand,
  type EnrollmentState,
} from '@sooc/enrollment-domain';
import {
  ConcurrencyError,
  DomainError,
  fold,
  handleCommand,
  type Actor,
  type Command,
  type Decider,
  type DomainEvent,
  type RecordedEvent,
} from '@sooc/event-sourcing';
import { MemoryEventStore } from '@sooc/event-store';
import { expiryReactions, reactTo, type DueOffer, type Reaction } from '../lib/process-managers';

export const ADMIN: Actor = { id: 'admin-1', role: 'admin' };
export const REACTOR: Actor = { id: 'reactor', role: 'system' };
const HOUR = 3_600_000;

/**
 * The real deciders over an in-memory store, with the smallest reactor that can run them: read
 * $all after the last event handled, send each event's reactions with the event as causation,
 * repeat until nothing new appears. Refusals are collected, not thrown (a refusal is an answer).
 */
export class InMemoryWorld {
  readonly store = new MemoryEventStore();
  now = new Date('2026-03-03T09:00:00.000Z');
  readonly refusals: string[] = [];
  private handledUpTo: bigint | null = null;

  advance(hours: number): void {
    this.now = new Date(this.now.getTime() + hours * HOUR);
  }

  private run<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: Omit<C, 'metadata'>,
    actor: Actor,
    cause?: RecordedEvent,
  ) {
    const context = {
      actor,
      correlationId: cause?.metadata.correlationId ?? randomUUID(),
      causationId: cause?.id ?? null,
      now: () => this.now,
    };
    return handleCommand(this.store, decider, streamId, command, context);
  }

  course(command: Omit<CourseCommand, 'metadata'>) {
    return this.run(courseDecider, courseStream(command.data.courseId), command, ADMIN);
  }

  cohort(command: Omit<CohortCommand, 'metadata'>) {
    return this.run(cohortDecider, cohortStream(command.data.cohortId), command, ADMIN);
  }

  enrollment(command: Omit<EnrollmentCommand, 'metadata'>, actor: Actor = ADMIN) {
    return this.run(enrollmentDecider, enrollmentStream(command.data.cohortId, command.data.learnerId), command, actor);
  }

  /** Sends one reaction as the reactor would; a DomainError other than a conflict is a refusal. */
  async send(reaction: Reaction, cause?: RecordedEvent): Promise<number> {
    try {
      const result =
        reaction.aggregate === 'cohort'
          ? await this.run(cohortDecider, reaction.streamId, reaction.command, REACTOR, cause)
          : await this.run(enrollmentDecider, reaction.streamId, reaction.command, REACTOR, cause);
      return result.events.length;
    } catch (error) {
      if (!(error instanceof DomainError) || error instanceof ConcurrencyError) throw error;
      this.refusals.push(`${reaction.command.type} on ${reaction.streamId}: ${error.code}`);
      return 0;
    }
  }

  /** Reacts to everything not yet handled, and to what that writes, until the store is quiet. */
  async settle(): Promise<void> {
    for (;;) {
      const events = await this.store.readAll({ from: this.handledUpTo ?? 'start' });
      if (events.length === 0) return;
      for (const event of events) {
        for (const reaction of reactTo(event)) await this.send(reaction, event);
        this.handledUpTo = event.position;
      }
    }
  }

  /** The reactor's timer: offers past `now`, found by folding the enrollments (the read model stands in). */
  async expireDueOffers(): Promise<number> {
    const due: DueOffer[] = [];
    for (const stream of new Set(
      (await this.store.readAll()).map((e) => e.streamId).filter((s) => s.startsWith('enrollment-')),
    )) {
      const state = await this.enrollmentState(stream);
      if (
        state.status === 'offered' &&
        state.offerExpiresAt !== null &&
        state.offerExpiresAt <= this.now.toISOString()
      ) {
        due.push({
          enrollmentId: state.enrollmentId,
          cohortId: state.cohortId,
          learnerId: state.learnerId,
          expiresAt: state.offerExpiresAt,
        });
      }
    }
    let written = 0;
    for (const reaction of expiryReactions(due)) written += await this.send(reaction);
    return written;
  }

  async enrollmentState(streamId: string): Promise<EnrollmentState> {
    return fold(enrollmentDecider, (await this.store.readStream(streamId)) as never);
  }

  async learnerStatus(cohortId: string, learnerId: string): Promise<string> {
    return (await this.enrollmentState(enrollmentStream(cohortId, learnerId))).status;
  }

  async cohortState(cohortId: string): Promise<CohortState> {
    return fold(cohortDecider, (await this.store.readStream(cohortStream(cohortId))) as never);
  }

  /** The learners named by every event of a type in the cohort, in $all order. */
  async learnersOf(type: string, cohortId: string): Promise<string[]> {
    const events = await this.store.readAll({ filter: { eventTypes: [type] } });
    return events
      .map((e) => e.data as { cohortId: string; learnerId: string })
      .filter((d) => d.cohortId === cohortId)
      .map((d) => d.learnerId);
  }
}
