/**
 * What the selection's read models answer for the other contexts, the only entry they may import
 * (`@sooc/selection-read-models/published`; eslint.config.mjs enforces it): never its tables.
 */
export { isBlindReview } from './lib/rubric.query';
export type { SelectionReadDb } from './lib/selection.read-model';
