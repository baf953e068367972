import type { RecordedEvent } from '@sooc/event-sourcing';
import { traceIdOf, Tracing } from '@sooc/util';

/** OTLP receivers drop links past 128 by default; a batch of a thousand requests keeps the first. */
const MAX_LINKS = 128;

/**
 * One span per batch the runner commits (tracing on), in the trace of the batch's first traced
 * event (the request that wrote it), linked to each other trace of the batch once: a span has one
 * parent, and a batch folds events of many requests. A request's events (its command's, then its
 * reactions') share a trace, so one link per request, not per event. A batch of untraced events
 * (a replay of old ones) makes no span rather than a new trace per batch.
 */
export function inProjectionBatchSpan<T>(batch: readonly RecordedEvent[], fn: () => Promise<T>): Promise<T> {
  if (!Tracing.enabled) return fn();
  const byTrace = new Map<string, string>();
  for (const event of batch) {
    const traceparent = event.metadata.traceparent;
    if (traceparent && !byTrace.has(traceIdOf(traceparent))) byTrace.set(traceIdOf(traceparent), traceparent);
  }
  const [first, ...others] = byTrace.values();
  if (first === undefined) return fn();
  const links = others
    .slice(0, MAX_LINKS)
    .map((t) => Tracing.linkTo(t))
    .filter((l) => l !== null);
  return Tracing.inSpan(
    'projection batch',
    {
      parent: Tracing.continuing(first),
      links,
      attributes: {
        'sooc.events': batch.length,
        'sooc.from_position': String(batch[0]?.position),
        'sooc.to_position': String(batch.at(-1)?.position),
      },
    },
    () => fn(),
  );
}
