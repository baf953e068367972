import { groupsFormed, rubricDefined } from '../testing/cohort-events.fixture';
import { accepted, cancelled, declined, expired, offered, withdrawn } from '../testing/enrollment-events.fixture';
import { recorded } from '../testing/recorded.fixture';
import { cohortGroupsProjection } from './cohort-groups.projection';
import { applyDueOfferEvent, dueOffersProjection } from './due-offers.projection';
import { enrollmentProjections } from './enrollment.projections';
import { selectionRubricProjection } from './selection-rubric.projection';

const pos = (n: number) => String(n).padStart(20, '0');

describe('groups projection', () => {
  it('keeps the latest formation only, and ignores a redelivered older one', () => {
    const first = recorded(groupsFormed('c1', 1, ['ada', 'bob']), 10, '2026-04-02T09:00:00.000Z');
    const second = recorded(groupsFormed('c1', 2, ['bob', 'cy']), 20, '2026-04-09T09:00:00.000Z');
    const row = [first, second, first].reduce(cohortGroupsProjection.apply, null);
    expect(row).toEqual({
      cohort_id: 'c1',
      formation: 2,
      target_size: 2,
      seed: 'seed-2',
      groups: expect.stringContaining('"c1-cy"'),
      formed_at: '2026-04-09T09:00:00.000Z',
      last_position: pos(20),
    });
    expect(JSON.parse(row!.groups)).toEqual([
      {
        groupId: 'g1',
        members: [expect.objectContaining({ learnerId: 'bob' }), expect.objectContaining({ learnerId: 'cy' })],
      },
    ]);
  });
});

describe('rubrics projection', () => {
  it('keeps the latest version, flags as 0/1', () => {
    const v1 = recorded(rubricDefined('c1', 1, true), 3);
    const v2 = recorded(rubricDefined('c1', 2, false), 8, '2026-03-04T09:00:00.000Z');
    expect(selectionRubricProjection.name).toBe('selection.rubrics');
    expect([v1, v2, v1].reduce(selectionRubricProjection.apply, null)).toMatchObject({
      version: 2,
      blind: 0,
      reviews_required: 2,
      defined_at: '2026-03-04T09:00:00.000Z',
      last_position: pos(8),
    });
  });
});

describe('due offers projection', () => {
  const offer = recorded(offered('c1', 'ada', '2026-03-20T08:00:00.000Z'), 5);

  it('is the reactor’s own, not among the projector’s', () => {
    expect(dueOffersProjection.name).toBe('reactor.due-offers');
    expect(enrollmentProjections.map((p) => p.name)).toEqual([
      'enrollment.applications',
      'enrollment.seat-ledger',
      'enrollment.cohort-dashboard',
      'enrollment.groups',
      'selection.rubrics',
    ]);
  });

  it('holds a row per open offer', () => {
    expect(applyDueOfferEvent(null, offer)).toEqual({
      enrollment_id: 'c1-ada',
      cohort_id: 'c1',
      learner_id: 'ada',
      expires_at: '2026-03-20T08:00:00.000Z',
      last_position: pos(5),
    });
  });

  it.each([
    ['accepted', accepted('c1', 'ada')],
    ['declined', declined('c1', 'ada')],
    ['expired', expired('c1', 'ada')],
    ['withdrawn', withdrawn('c1', 'ada', 'offered')],
    ['cancelled', cancelled('c1', 'ada')],
  ])('drops the row once the offer is %s', (_how, end) => {
    const row = applyDueOfferEvent(null, offer);
    expect(dueOffersProjection.apply(row, recorded(end, 6))).toBeNull();
  });

  it('keeps the row when its own offer is delivered again', () => {
    const row = applyDueOfferEvent(null, offer);
    expect(dueOffersProjection.apply(row, offer)).toBe(row);
  });
});
