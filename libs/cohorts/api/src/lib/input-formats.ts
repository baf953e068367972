/**
 * Shapes checked at the edge (what a form would check). Business rules — bounds, orderings,
 * whether a course exists — belong to the domain, which re-checks everything it receives.
 */
export const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
export const INSTANT_MESSAGE = 'must be an ISO-8601 instant with an offset, e.g. 2026-04-01T08:00:00Z';
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const DATE_MESSAGE = 'must be a date YYYY-MM-DD';
