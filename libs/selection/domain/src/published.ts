/**
 * The selection context's published language, the only entry other contexts may import
 * (`@sooc/selection-domain/published`; eslint.config.mjs enforces it): its events and the values
 * they carry, and its stream names.
 */
export type * from './lib/selection.events';
export { selectionStream } from './lib/streams';
export { SELECTION_EVENT_TYPES } from './lib/selection.event-types';
