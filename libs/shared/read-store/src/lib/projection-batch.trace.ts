import type { RecordedEvent } from '@sooc/event-sourcing';
import { Tracing, type TraceContext } from '@sooc/util';

/** OTLP receivers drop links past 128 by default; a batch of a thousand requests keeps the first. */
const MAX_LINKS = 128;

/**
 * One span per batch the runner commits (tracing on), in the trace of the batch's first traced
 * event (the request that wrote it), linked to the traces of the others: a span has one parent,
 * and a batch folds events of many requests. A batch of untraced events (a replay of old ones)
 * makes no span rather than a new trace per batch.
 */
export function inProjectionBatchSpan<T>(batch: readonly RecordedEvent[], fn: () => Promise<T>): Promise<T> {
  if (!Tracing.enabled) return fn();
  const traces = [...new Set(batch.map((e) => e.metadata.traceparent).filter((t): t is string => Boolean(t)))];
  if (traces.length === 0) return fn();
  const parent: TraceContext = Tracing.extract({ traceparent: traces[0] });
  const links = traces
    .slice(1, MAX_LINKS + 1)
    .map((t) => Tracing.linkTo(t))
    .filter((l) => l !== null);
  return Tracing.inSpan(
    'projection batch',
    {
      parent,
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
