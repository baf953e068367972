import { ValidationError, categoryOf, type EventFilter } from '@sooc/event-sourcing';

/** `max` absent means "no limit"; anything but a non-negative integer is a caller's bug. */
export function limitOf(max: number | undefined): number {
  if (max === undefined) return Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(max) || max < 0) {
    throw new ValidationError('READ.MAX_INVALID', `max must be a non-negative integer, got ${String(max)}`, [
      { field: 'max', message: 'invalid' },
    ]);
  }
  return max;
}

export function checkPosition(value: unknown, field: string): void {
  if (value === undefined || value === 'start' || value === 'end') return;
  if (typeof value === 'bigint' && value >= 0n) return;
  throw new ValidationError(
    'READ.POSITION_INVALID',
    `${field} must be 'start', 'end' or a bigint ≥ 0, got ${String(value)}`,
    [{ field, message: 'invalid' }],
  );
}

/** A subscription resumes from a checkpoint; 'end' is no checkpoint (read the head position instead). */
export function subscriptionStart(from: unknown, start: bigint): bigint {
  if (from === undefined || from === 'start') return start;
  if (typeof from === 'bigint' && from >= 0n) return from;
  throw new ValidationError('READ.POSITION_INVALID', `from must be 'start' or a bigint ≥ 0, got ${String(from)}`, [
    { field: 'from', message: 'invalid' },
  ]);
}

/** Empty or absent lists mean "no restriction", so callers may pass a filter built from config as is. */
export function normaliseFilter(filter: EventFilter | undefined): EventFilter | undefined {
  const categories = filter?.categories?.length ? filter.categories : undefined;
  const eventTypes = filter?.eventTypes?.length ? filter.eventTypes : undefined;
  return categories || eventTypes ? { categories, eventTypes } : undefined;
}

export function matchesFilter(filter: EventFilter | undefined, streamId: string, type: string): boolean {
  if (!filter) return true;
  if (filter.categories?.length && !filter.categories.includes(categoryOf(streamId))) return false;
  if (filter.eventTypes?.length && !filter.eventTypes.includes(type)) return false;
  return true;
}
