import { selectionRubricProjection } from './selection-rubric.projection';

/** What the projector (and the gateway's in-process runner) run for selection; names are checkpoint names. */
export const selectionProjections = [selectionRubricProjection] as const;
