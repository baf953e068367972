import { recorded } from '@sooc/cohorts-domain/testing';
import { accepted, cancelled, declined, expired, offered, withdrawn } from '@sooc/enrollment-domain/testing';
import { applyDueOfferEvent, dueOffersProjection } from './due-offers.projection';
import { enrollmentProjections } from './enrollment.projections';

const pos = (n: number) => String(n).padStart(20, '0');

describe('due offers projection', () => {
  const offer = recorded(offered('c1', 'ada', '2026-03-20T08:00:00.000Z'), 5);

  it('is the reactor’s own, not among the projector’s', () => {
    expect(dueOffersProjection.name).toBe('reactor.due-offers');
    expect(enrollmentProjections.map((p) => p.name)).toEqual(['enrollment.applications']);
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
