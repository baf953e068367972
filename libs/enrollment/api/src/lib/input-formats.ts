/**
 * Shapes checked at the edge (what a form would check). Business rules — lengths, bounds, whether
 * a cohort takes applications — belong to the domain, which re-checks everything it receives.
 * The same id shape as the cohorts API, so any id one API hands out the other accepts.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;
export const ID_MESSAGE = 'must be 1 to 80 letters, digits, "-" or "_" (a UUID fits)';
/** Lists are capped here only against absurd payloads; the domain enforces the real limits. */
export const LIST_CAP = 100;
