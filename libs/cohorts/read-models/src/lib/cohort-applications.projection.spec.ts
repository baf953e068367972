import { recorded } from '@sooc/cohorts-domain/testing';
import {
  accepted,
  admitted,
  cancelled,
  completed,
  offered,
  rejected,
  submitted,
  waitlisted,
  withdrawn,
} from '@sooc/enrollment-domain/testing';
import type { RecordedEvent } from '@sooc/event-sourcing';
import {
  COHORT_APPLICATION_PROJECTION_EVENTS,
  cohortApplicationsProjection,
  type CohortApplicationEvent,
  type CohortApplicationRow,
} from './cohort-applications.projection';

const fold = (events: readonly RecordedEvent<CohortApplicationEvent>[]) =>
  events.reduce<CohortApplicationRow | null>(cohortApplicationsProjection.apply, null);
const ev = (event: CohortApplicationEvent, position: number) => recorded(event, position);
const pos = (n: number) => String(n).padStart(20, '0');

describe('cohort applications projection (the dashboard counts)', () => {
  const submit = ev(submitted('c1', 'ada', { companyId: 'acme' }), 1);

  it('is the cohort’s own, keyed by enrollment, and skips attendance (it moves no status)', () => {
    expect(cohortApplicationsProjection.name).toBe('cohorts.dashboard-applications');
    expect(cohortApplicationsProjection.table).toBe('cohort_applications');
    expect(COHORT_APPLICATION_PROJECTION_EVENTS).not.toContain('AttendanceRecorded');
  });

  it('starts at the submission, ineligible ones included', () => {
    expect(fold([submit])).toEqual({
      enrollment_id: 'c1-ada',
      cohort_id: 'c1',
      company_id: 'acme',
      status: 'submitted',
      last_position: pos(1),
    });
    expect(fold([ev(submitted('c1', 'bob', { eligible: false }), 1)])).toMatchObject({
      company_id: null,
      status: 'ineligible',
    });
  });

  it('takes the status each event states, along the enrollment’s transitions', () => {
    const life = [
      submit,
      ev(admitted('c1', 'ada'), 2),
      ev(offered('c1', 'ada'), 3),
      ev(accepted('c1', 'ada'), 4),
      ev(completed('c1', 'ada'), 5),
    ];
    expect(fold(life.slice(0, 3))).toMatchObject({ status: 'offered', last_position: pos(3) });
    expect(fold(life)).toMatchObject({ status: 'completed', last_position: pos(5) });
    expect(fold([submit, ev(waitlisted('c1', 'ada'), 2)])).toMatchObject({ status: 'waitlisted' });
    expect(fold([submit, ev(rejected('c1', 'ada'), 2)])).toMatchObject({ status: 'rejected' });
    expect(fold([submit, ev(withdrawn('c1', 'ada'), 2)])).toMatchObject({ status: 'withdrawn' });
    expect(fold([submit, ev(cancelled('c1', 'ada'), 2)])).toMatchObject({ status: 'cancelled' });
  });

  it('ignores a move the status machine does not allow, a redelivery, and an unknown application', () => {
    const done = fold([submit, ev(rejected('c1', 'ada'), 2)]);
    expect(cohortApplicationsProjection.apply(done, ev(offered('c1', 'ada'), 3))).toBe(done);
    expect(cohortApplicationsProjection.apply(done, ev(rejected('c1', 'ada'), 2))).toBe(done);
    expect(cohortApplicationsProjection.apply(done, submit)).toBe(done);
    expect(fold([ev(admitted('c1', 'ada'), 2)])).toBeNull();
  });
});
