import { groupsFormed, recorded } from '@sooc/cohorts-domain/testing';
import { cohortGroupsProjection } from './cohort-groups.projection';

const pos = (n: number) => String(n).padStart(20, '0');

describe('groups projection', () => {
  it('keeps the latest formation only, and ignores a redelivered older one', () => {
    const first = recorded(groupsFormed('c1', 1, ['ada', 'bob']), 10, '2026-04-02T09:00:00.000Z');
    const second = recorded(groupsFormed('c1', 2, ['bob', 'cy']), 20, '2026-04-09T09:00:00.000Z');
    expect(cohortGroupsProjection.name).toBe('cohorts.groups');
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
