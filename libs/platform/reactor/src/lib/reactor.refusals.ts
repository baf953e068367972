import { ConcurrencyError, DomainError, type Actor } from '@sooc/event-sourcing';

/** Every command the reactor sends is signed by it: the audit trail tells it from people. */
export const REACTOR_ACTOR: Actor = { id: 'reactor', role: 'system' };

/**
 * "CODE: message" when the aggregate refused the command — an answer, so the event counts as
 * handled — or null for anything else. A conflict that outlived handleCommand's own retries is
 * not an answer but a busy stream: it is retried like a store that is down.
 */
export function refusalOf(error: unknown): string | null {
  if (!(error instanceof DomainError) || error instanceof ConcurrencyError) return null;
  return `${error.code}: ${error.message}`;
}
