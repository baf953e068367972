import { DeciderSpecification, SPEC_ACTOR, SPEC_NOW, ValidationError } from '@sooc/event-sourcing';
import { defaultCohortSettings } from './cohort-settings';
import type { PlanCohortData } from './cohort.commands';
import type { ApplicationsClosed, ApplicationsOpened, CohortPlanned } from './cohort.events';
import { cohortDecider } from './cohort.decider';
import type { CourseState } from './course.state';
import { emptyLedger } from './seat-ledger.query';

const spec = DeciderSpecification(cohortDecider);

const course: CourseState = {
  status: 'drafted',
  courseId: 'course-ddd',
  title: 'Domain-Driven Design in practice',
  summary: '',
  topics: [],
  language: 'en',
  prerequisites: [],
  selectionPolicy: 'review',
  defaultCapacity: 30,
};
// SPEC_NOW is 2026-03-03T09:00Z: the window below is still ahead of it.
const planData: PlanCohortData = {
  cohortId: 'c-2026-spring',
  courseId: 'course-ddd',
  title: 'Spring 2026',
  capacity: 30,
  applicationWindow: { opensAt: '2026-03-10T08:00:00.000Z', closesAt: '2026-04-01T00:00:00.000Z' },
  startsOn: '2026-04-01',
  endsOn: '2026-05-31',
  course,
};
const { course: _course, ...plannedData } = planData;
const planned: CohortPlanned = { type: 'CohortPlanned', data: { ...plannedData, selectionPolicy: 'review' } };
const opened: ApplicationsOpened = { type: 'ApplicationsOpened', data: { cohortId: planData.cohortId } };
const closed: ApplicationsClosed = { type: 'ApplicationsClosed', data: { cohortId: planData.cohortId } };

const plan = (overrides: Partial<Record<keyof PlanCohortData, unknown>> = {}) => ({
  type: 'PlanCohort' as const,
  data: { ...planData, ...overrides } as PlanCohortData,
});
const window = (opensAt: string, closesAt: string) => ({ applicationWindow: { opensAt, closesAt } });
const open = (now = SPEC_NOW) => ({
  type: 'OpenApplications' as const,
  data: { cohortId: planData.cohortId },
  metadata: { now, actor: SPEC_ACTOR },
});
const close = { type: 'CloseApplications' as const, data: { cohortId: planData.cohortId } };

const fieldsOf = (error: unknown) => (error as ValidationError).fields.map((f) => f.field);

describe('cohort decider', () => {
  describe('when none', () => {
    it('plans the cohort with the selection policy of its course', () => {
      spec.given([]).when(plan()).then([planned]);
      const firstCome = { ...course, selectionPolicy: 'first-come' } as CourseState;
      spec
        .given([])
        .when(plan({ course: firstCome }))
        .then([{ type: 'CohortPlanned', data: { ...planned.data, selectionPolicy: 'first-come' } }]);
    });

    it('trims the title and stores instants in canonical UTC form', () => {
      spec
        .given([])
        .when(plan({ title: '  Spring 2026 ', ...window('2026-03-10T09:00+01:00', '2026-04-01T02:00:00+02:00') }))
        .then([planned]);
    });

    it('refuses a cohort of a course that does not exist', () => {
      spec
        .given([])
        .when(plan({ course: { status: 'none' } }))
        .thenThrows('COURSE.NOT_FOUND', 'not-found');
      spec
        .given([])
        .when(plan({ course: { ...course, courseId: 'another-course' } }))
        .thenThrows('COURSE.NOT_FOUND', 'not-found');
    });

    it.each(['', '   ', 'x'.repeat(201)])('refuses the title %p', (title) => {
      const error = spec.given([]).when(plan({ title })).thenThrows('COHORT.TITLE_INVALID', 'validation');
      expect(fieldsOf(error)).toEqual(['title']);
    });

    it.each([1, 501, 12.5, Number.NaN])('refuses a capacity of %p', (capacity) => {
      const error = spec.given([]).when(plan({ capacity })).thenThrows('COHORT.CAPACITY_OUT_OF_BOUNDS', 'validation');
      expect(fieldsOf(error)).toEqual(['capacity']);
    });

    it('accepts the hard bounds 2 and 500 (the API only warns there)', () => {
      spec
        .given([])
        .when(plan({ capacity: 2 }))
        .then([{ type: 'CohortPlanned', data: { ...planned.data, capacity: 2 } }]);
      spec
        .given([])
        .when(plan({ capacity: 500 }))
        .then([{ type: 'CohortPlanned', data: { ...planned.data, capacity: 500 } }]);
    });

    it.each([
      ['applicationWindow.opensAt', window('2026-03-10 08:00', planData.applicationWindow.closesAt)],
      ['applicationWindow.opensAt', window('2026-03-10T08:00:00', planData.applicationWindow.closesAt)],
      ['applicationWindow.closesAt', window(planData.applicationWindow.opensAt, '2026-02-30T00:00:00Z')],
      ['startsOn', { startsOn: '2026-4-1' }],
      ['endsOn', { endsOn: '2026-06-31' }],
    ])('refuses a malformed %s', (field, overrides) => {
      const error = spec.given([]).when(plan(overrides)).thenThrows('COHORT.DATE_INVALID', 'validation');
      expect(fieldsOf(error)).toEqual([field]);
    });

    it('refuses a window that closes before it opens, or as it opens', () => {
      spec
        .given([])
        .when(plan(window('2026-03-20T00:00:00Z', '2026-03-10T00:00:00Z')))
        .thenThrows('COHORT.WINDOW_INVALID', 'validation');
      spec
        .given([])
        .when(plan(window('2026-03-20T00:00:00Z', '2026-03-20T00:00:00Z')))
        .thenThrows('COHORT.WINDOW_INVALID', 'validation');
    });

    it('refuses applications closing after the cohort starts, and accepts closing at its first midnight', () => {
      const error = spec
        .given([])
        .when(plan(window('2026-03-10T08:00:00Z', '2026-04-01T00:00:01Z')))
        .thenThrows('COHORT.WINDOW_INVALID');
      expect(fieldsOf(error)).toEqual(['applicationWindow.closesAt']);
      spec.given([]).when(plan()).then([planned]);
    });

    it('refuses an end before the start, and accepts a one-day cohort', () => {
      const error = spec
        .given([])
        .when(plan({ endsOn: '2026-03-31' }))
        .thenThrows('COHORT.DATES_INVALID', 'validation');
      expect(fieldsOf(error)).toEqual(['endsOn']);
      spec
        .given([])
        .when(plan({ endsOn: '2026-04-01' }))
        .then([{ type: 'CohortPlanned', data: { ...planned.data, endsOn: '2026-04-01' } }]);
    });

    it.each(['', 'c-1 '])('refuses the cohort id %p: ids name streams and are never trimmed', (cohortId) => {
      const error = spec.given([]).when(plan({ cohortId })).thenThrows('COHORT.ID_INVALID', 'validation');
      expect(fieldsOf(error)).toEqual(['cohortId']);
    });

    it('reports every bad field at once, in the order of the command', () => {
      const error = spec
        .given([])
        .when(plan({ title: '', capacity: 1000, startsOn: 'soon' }))
        .thenThrows('COHORT.TITLE_INVALID');
      expect(fieldsOf(error)).toEqual(['title', 'capacity', 'startsOn']);
    });

    it('refuses opening or closing applications of a cohort that does not exist', () => {
      spec.given([]).when(open()).thenThrows('COHORT.NOT_FOUND', 'not-found');
      spec.given([]).when(close).thenThrows('COHORT.NOT_FOUND', 'not-found');
    });
  });

  describe('when planned', () => {
    it('changes nothing when the same plan is retried', () => {
      spec
        .given([planned])
        .when(plan({ title: ' Spring 2026 ' }))
        .thenNothing();
    });

    it('changes nothing on a retry after the course changed its selection policy', () => {
      spec
        .given([planned])
        .when(plan({ course: { ...course, selectionPolicy: 'first-come' } }))
        .thenNothing();
    });

    it('refuses a different plan for the same cohort', () => {
      spec
        .given([planned])
        .when(plan({ capacity: 31 }))
        .thenThrows('COHORT.ALREADY_PLANNED', 'illegal-state');
    });

    // Issue 10 #1: opening early is on purpose, so the window opens then.
    it('opens applications early, moving opensAt to the moment of opening', () => {
      spec
        .given([planned])
        .when(open())
        .then([
          {
            type: 'ApplicationsOpened',
            data: {
              cohortId: planData.cohortId,
              applicationWindow: { opensAt: SPEC_NOW.toISOString(), closesAt: planData.applicationWindow.closesAt },
            },
          },
        ]);
    });

    it('opens applications late with the planned window', () => {
      spec
        .given([planned])
        .when(open(new Date('2026-03-20T00:00:00.000Z')))
        .then([
          {
            type: 'ApplicationsOpened',
            data: { cohortId: planData.cohortId, applicationWindow: planData.applicationWindow },
          },
        ]);
    });

    it('refuses to open once the window has passed, from its closing instant on', () => {
      spec
        .given([planned])
        .when(open(new Date(planData.applicationWindow.closesAt)))
        .thenThrows('COHORT.WINDOW_PASSED', 'illegal-state');
      spec
        .given([planned])
        .when(open(new Date('2026-03-31T23:59:59.999Z')))
        .then([
          {
            type: 'ApplicationsOpened',
            data: { cohortId: planData.cohortId, applicationWindow: planData.applicationWindow },
          },
        ]);
    });

    it('refuses to close applications that never opened', () => {
      spec.given([planned]).when(close).thenThrows('COHORT.NOT_OPEN', 'illegal-state');
    });
  });

  describe('when open', () => {
    it('changes nothing when applications are opened again', () => {
      spec.given([planned, opened]).when(open()).thenNothing();
    });

    it('closes applications, saying an admin did', () => {
      spec
        .given([planned, opened])
        .when(close)
        .then([{ type: 'ApplicationsClosed', data: { cohortId: planData.cohortId, because: 'admin' } }]);
    });

    // Issue 10 #1: the reactor closes the window at closesAt, exactly once.
    const windowEnds = (now: Date) => ({
      ...close,
      data: { ...close.data, because: 'window-ended' as const },
      metadata: { now, actor: SPEC_ACTOR },
    });
    const closesAt = new Date(planData.applicationWindow.closesAt);

    it('closes itself at closesAt, with an event saying the window ended', () => {
      spec
        .given([planned, opened])
        .when(windowEnds(closesAt))
        .then([{ type: 'ApplicationsClosed', data: { cohortId: planData.cohortId, because: 'window-ended' } }]);
    });

    it('refuses to close for the window before closesAt: the window is [opensAt, closesAt)', () => {
      spec
        .given([planned, opened])
        .when(windowEnds(new Date(closesAt.getTime() - 1)))
        .thenThrows('COHORT.WINDOW_NOT_ENDED', 'illegal-state');
    });

    it('writes nothing when the window end is sent again, or after an admin closed it', () => {
      const ended: ApplicationsClosed = {
        type: 'ApplicationsClosed',
        data: { cohortId: planData.cohortId, because: 'window-ended' },
      };
      spec.given([planned, opened, ended]).when(windowEnds(closesAt)).thenNothing();
      spec.given([planned, opened, closed]).when(windowEnds(closesAt)).thenNothing();
      spec
        .given([planned, opened, closed, { type: 'CohortStarted', data: { cohortId: planData.cohortId } }])
        .when(windowEnds(closesAt))
        .thenNothing();
    });

    it('changes nothing when the same plan is retried and refuses a different one', () => {
      spec.given([planned, opened]).when(plan()).thenNothing();
      spec
        .given([planned, opened])
        .when(plan({ title: 'Summer' }))
        .thenThrows('COHORT.ALREADY_PLANNED', 'illegal-state');
    });
  });

  describe('when closed', () => {
    it('changes nothing when applications are closed again', () => {
      spec.given([planned, opened, closed]).when(close).thenNothing();
    });

    it('refuses to reopen applications', () => {
      spec.given([planned, opened, closed]).when(open()).thenThrows('COHORT.APPLICATIONS_CLOSED', 'illegal-state');
    });

    it('changes nothing when the same plan is retried and refuses a different one', () => {
      spec.given([planned, opened, closed]).when(plan()).thenNothing();
      spec
        .given([planned, opened, closed])
        .when(plan({ startsOn: '2026-04-02' }))
        .thenThrows('COHORT.ALREADY_PLANNED', 'illegal-state');
    });

    it('ignores events that would move it backwards', () => {
      const state = [planned, opened, closed, opened, planned].reduce(
        cohortDecider.evolve,
        cohortDecider.initialState(),
      );
      expect(state).toEqual({
        status: 'closed',
        ...planned.data,
        settings: defaultCohortSettings('review'),
        ledger: emptyLedger(30),
        groups: null,
      });
    });
  });
});
