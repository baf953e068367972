import { type Clock } from '@sooc/timing';
import { LogContext, Tracing, type Span } from '@sooc/util';
import { reactTo, type Reaction } from './process-managers';
import type { RecordedEvent } from '@sooc/event-sourcing';
import type { ReactionSender } from './reaction.sender';
import type { ReactorLog } from './reactor.logger';
import { REACTOR_ACTOR, refusalOf } from './reactor.refusals';
import { ReactorStoppedError } from './reactor-stopped.error';

export interface EventReactionsDeps {
  readonly sender: ReactionSender;
  readonly clock: Clock;
  readonly log: ReactorLog;
  readonly counters: { commandsWritten: number; refusals: number };
  /** A failure the sender should never let through: a supervisor restarts the reactor. */
  readonly fail: (error: Error) => void;
}

/**
 * Sends every reaction of the event at once, in order: each stream's lane keeps that order, so a
 * stream's commands follow $all (arrival order for first-come admissions). Resolves true once
 * each was written or refused, false if one was left because the reactor stopped.
 */
export async function sendReactions(event: RecordedEvent, deps: EventReactionsDeps): Promise<boolean> {
  const { sender, clock, counters } = deps;
  const context = {
    actor: REACTOR_ACTOR,
    correlationId: event.metadata.correlationId,
    causationId: event.id,
    now: () => clock.now(),
  };
  // The reaction's log lines carry the correlation id of the request that caused the event.
  const frame = { correlationId: context.correlationId, actorId: REACTOR_ACTOR.id, operation: event.type };
  const answers = LogContext.run(frame, () =>
    reactTo(event).map((reaction) => {
      const span = reactionSpan(event, reaction);
      const traced = span ? { ...context, traceparent: Tracing.traceparentOf(span) } : context;
      return sender.send(reaction, traced, `${event.type} ${event.id}`).then(
        ({ written, position, batched }) => {
          if (span) endReactionSpan(span, written, position, batched);
          if (written > 0) counters.commandsWritten++;
          return true;
        },
        (error: unknown) => {
          if (span) {
            Tracing.fail(span, error);
            span.end();
          }
          return answerOf(event, reaction, error, deps);
        },
      );
    }),
  );
  return (await Promise.all(answers)).every(Boolean);
}

/**
 * A span per reaction (tracing on), in the trace of the request that wrote the event: the event's
 * `traceparent`, from any process. The commands it sends carry this span's as theirs.
 */
function reactionSpan(event: RecordedEvent, reaction: Reaction): Span | null {
  if (!Tracing.enabled) return null;
  return Tracing.start(`reaction ${event.type} → ${reaction.command.type}`, {
    parent: Tracing.continuing(event.metadata.traceparent),
    // The event's type is in the span's name.
    attributes: {
      'sooc.event.id': event.id,
      'sooc.event.position': String(event.position),
      'sooc.stream': reaction.streamId,
    },
  });
}

/**
 * The append that carried the reaction's command is recorded here, not as a span of its own: the
 * reactor appends a stream's commands in batches, and a batch's span could sit in only one of its
 * commands' traces (it was 1.2 of a traced submission's 7.25 spans).
 */
function endReactionSpan(span: Span, written: number, position: bigint | null, batched: number): void {
  span.setAttribute('sooc.events_written', written);
  span.setAttribute('sooc.batch.commands', batched);
  if (position !== null) span.setAttribute('sooc.position', String(position));
  span.end();
}

/** A refusal is an answer (logged with its code); a stop leaves the event for the next start. */
function answerOf(
  event: RecordedEvent,
  reaction: Reaction,
  error: unknown,
  { log, counters, fail }: EventReactionsDeps,
): boolean {
  if (error instanceof ReactorStoppedError) return false;
  const refusal = refusalOf(error);
  if (refusal === null) {
    fail(error instanceof Error ? error : new Error(String(error)));
    return false;
  }
  counters.refusals++;
  log.warn(
    `${event.type} ${event.id} (position ${event.position}) → ${reaction.command.type} on ${reaction.streamId} refused: ${refusal}`,
  );
  return true;
}
