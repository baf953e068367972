import type { SelectionEvent } from './selection.events';

/**
 * Every event type of the union, at run time: for readers of all of a context's events (the audit
 * trail). The type below fails to compile when the union gains a type this list lacks.
 */
export const SELECTION_EVENT_TYPES = [
  'RubricDefined',
  'ApplicationReviewed',
  'ApplicationDecided',
] as const satisfies readonly SelectionEvent['type'][];

type Missing = Exclude<SelectionEvent['type'], (typeof SELECTION_EVENT_TYPES)[number]>;
/** Compiles only while nothing is missing. */
export const SELECTION_EVENT_TYPES_COMPLETE: [Missing] extends [never] ? true : Missing = true;
