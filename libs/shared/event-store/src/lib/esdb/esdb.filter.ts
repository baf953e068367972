import { excludeSystemEvents, eventTypeFilter, streamNameFilter, type Filter } from '@eventstore/db-client';
import type { EventFilter } from '@sooc/event-sourcing';

/**
 * The one filter EventStoreDB applies server-side: it filters on stream names or on event types,
 * never both, so categories (stream prefix `<category>-`) go to the server and event types are
 * checked again on our side (matchesFilter) when both are given.
 */
export function serverFilterOf(filter: EventFilter | undefined): Filter {
  if (filter?.categories?.length) return streamNameFilter({ prefixes: filter.categories.map((c) => `${c}-`) });
  if (filter?.eventTypes?.length)
    return eventTypeFilter({ regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$` });
  return excludeSystemEvents();
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
