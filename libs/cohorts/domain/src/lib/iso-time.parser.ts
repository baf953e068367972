const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/i;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Date.parse rolls 2026-02-30 over to March 2nd; a typo must be refused, not silently moved. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A strict ISO-8601 instant with an explicit offset (`2026-04-01T08:00:00Z`, `…+02:00`). Without
 * an offset the instant would depend on the server's time zone, so it is refused.
 */
export function parseInstant(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const match = INSTANT.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '0', , offsetHours = '0', offsetMinutes = '0'] = match;
  if (!isCalendarDay(Number(year), Number(month), Number(day))) return null;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return null;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** A calendar date `YYYY-MM-DD`, returned as given (trimmed) when it names a real day. */
export function parseCalendarDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const match = CALENDAR_DATE.exec(text);
  if (!match) return null;
  return isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3])) ? text : null;
}

/** Midnight UTC at the start of a calendar date: the moment a cohort starts, for window checks. */
export function startOfDayUtc(calendarDate: string): Date {
  return new Date(`${calendarDate}T00:00:00.000Z`);
}
