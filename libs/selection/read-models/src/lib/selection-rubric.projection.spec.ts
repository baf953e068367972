import { recorded } from '@sooc/cohorts-domain/testing';
import { rubricDefined } from '@sooc/selection-domain/testing';
import { selectionRubricProjection } from './selection-rubric.projection';

const pos = (n: number) => String(n).padStart(20, '0');

describe('rubrics projection', () => {
  it('keeps the latest version, flags as 0/1', () => {
    const v1 = recorded(rubricDefined('c1', 1, true), 3);
    const v2 = recorded(rubricDefined('c1', 2, false), 8, '2026-03-04T09:00:00.000Z');
    expect(selectionRubricProjection.name).toBe('selection.rubric');
    expect([v1, v2, v1].reduce(selectionRubricProjection.apply, null)).toMatchObject({
      version: 2,
      blind: 0,
      reviews_required: 2,
      defined_at: '2026-03-04T09:00:00.000Z',
      last_position: pos(8),
    });
  });
});
