/** The facts a one-line summary names, in this order, when the event's data has them. */
const FACTS: readonly [field: string, label: string][] = [
  ['partnerId', 'partner'],
  ['endpointId', 'endpoint'],
  ['learnerId', 'learner'],
  ['companyId', 'company'],
  ['cohortId', 'cohort'],
  ['courseId', 'course'],
  ['decision', 'decision'],
  ['capacity', 'capacity'],
  ['seats', 'seats'],
  ['session', 'session'],
  ['status', 'status'],
  ['expiresAt', 'expires'],
];

/** `ApplicationSubmitted` → `Application submitted`. */
export function humanize(type: string): string {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A line a person reads in a timeline: what happened, and to whom and where, from the fields
 * every context's events share (they all name their cohort, learner, company the same way).
 */
export function summaryOf(type: string, data: Readonly<Record<string, unknown>>): string {
  const facts = FACTS.filter(([field]) => typeof data[field] === 'string' || typeof data[field] === 'number').map(
    ([field, label]) => `${label} ${String(data[field])}`,
  );
  return facts.length > 0 ? `${humanize(type)}: ${facts.join(', ')}` : humanize(type);
}

/** The reason an event gives, where it has one: its own `reason`, or the note of the decision it carries. */
export function reasonOf(data: Readonly<Record<string, unknown>>): string | null {
  if (typeof data['reason'] === 'string') return data['reason'];
  const note = data['decision'] ?? data['note'];
  if (note && typeof note === 'object' && typeof (note as { reason?: unknown }).reason === 'string')
    return (note as { reason: string }).reason;
  return null;
}
