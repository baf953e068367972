import { DeciderSpecification, type ValidationError } from '@sooc/event-sourcing';
import { defaultCohortSettings, type CohortSettings } from './cohort-settings';
import { cohortDecider } from './cohort.decider';
import { COHORT_ID, cancelled, closed, command, completed, opened, planned, started } from '../testing/cohort.fixture';

const spec = DeciderSpecification(cohortDecider);
const configure = (changes: Partial<Record<keyof CohortSettings, unknown>> | Record<string, unknown>) =>
  command('ConfigureCohort', { changes: changes as Partial<CohortSettings> });
const defaults = defaultCohortSettings('first-come');
const configured = (settings: CohortSettings) => ({
  type: 'CohortConfigured' as const,
  data: { cohortId: COHORT_ID, settings },
});
const fieldsOf = (error: unknown) => (error as ValidationError).fields.map((f) => f.field);

describe('ConfigureCohort', () => {
  describe('when none', () => {
    it('refuses: the cohort does not exist', () => {
      spec
        .given([])
        .when(configure({ sessions: 8 }))
        .thenThrows('COHORT.NOT_FOUND', 'not-found');
    });
  });

  describe('when planned', () => {
    it('starts from defaults that follow the selection policy', () => {
      const [first, review] = [planned(4, 'first-come'), planned(4, 'review')].map((e) =>
        cohortDecider.evolve(cohortDecider.initialState(), e),
      );
      expect(first).toMatchObject({
        settings: { waitlistOrder: 'arrival', offerTtlHours: 72, targetGroupSize: 5, sessions: 10 },
      });
      expect(review).toMatchObject({ settings: { waitlistOrder: 'score' } });
    });

    it('records the whole settings after merging the changes', () => {
      spec
        .given([planned()])
        .when(configure({ facilitators: ['f-1', 'f-2'], offerTtlHours: 48, completionThreshold: 1 }))
        .then([configured({ ...defaults, facilitators: ['f-1', 'f-2'], offerTtlHours: 48, completionThreshold: 1 })]);
    });

    it('keeps a setting given as undefined', () => {
      spec
        .given([planned()])
        .when(configure({ sessions: 12, offerTtlHours: undefined }))
        .then([configured({ ...defaults, sessions: 12 })]);
    });

    it('changes nothing when the settings already are so', () => {
      spec
        .given([planned()])
        .when(configure({ sessions: 10 }))
        .thenNothing();
      spec.given([planned()]).when(configure({})).thenNothing();
      spec
        .given([planned(), configured({ ...defaults, sessions: 12 })])
        .when(configure({ sessions: 12 }))
        .thenNothing();
    });

    it.each([
      ['changes.facilitators', 'COHORT.FACILITATORS_INVALID', { facilitators: ['f-1', 'f-1'] }],
      ['changes.facilitators', 'COHORT.FACILITATORS_INVALID', { facilitators: [' f-1'] }],
      [
        'changes.facilitators',
        'COHORT.FACILITATORS_INVALID',
        { facilitators: Array.from({ length: 21 }, (_, i) => `f-${i}`) },
      ],
      ['changes.offerTtlHours', 'COHORT.OFFER_TTL_OUT_OF_BOUNDS', { offerTtlHours: 0 }],
      ['changes.offerTtlHours', 'COHORT.OFFER_TTL_OUT_OF_BOUNDS', { offerTtlHours: 721 }],
      ['changes.targetGroupSize', 'COHORT.GROUP_SIZE_OUT_OF_BOUNDS', { targetGroupSize: 13 }],
      ['changes.waitlistOrder', 'COHORT.WAITLIST_ORDER_INVALID', { waitlistOrder: 'random' }],
      ['changes.sessions', 'COHORT.SESSIONS_OUT_OF_BOUNDS', { sessions: 0 }],
      ['changes.sessions', 'COHORT.SESSIONS_OUT_OF_BOUNDS', { sessions: 2.5 }],
      ['changes.completionThreshold', 'COHORT.COMPLETION_THRESHOLD_INVALID', { completionThreshold: 0 }],
      ['changes.completionThreshold', 'COHORT.COMPLETION_THRESHOLD_INVALID', { completionThreshold: 1.01 }],
      ['changes.sessions', 'COHORT.SESSIONS_OUT_OF_BOUNDS', { sessions: null }],
      ['changes.colour', 'COHORT.SETTINGS_INVALID', { colour: 'blue' }],
    ])('refuses a bad %s (%s)', (field, code, changes) => {
      const error = spec.given([planned()]).when(configure(changes)).thenThrows(code, 'validation');
      expect(fieldsOf(error)).toEqual([field]);
    });

    it('refuses changes that are not an object', () => {
      spec
        .given([planned()])
        .when(configure(null as never))
        .thenThrows('COHORT.SETTINGS_INVALID', 'validation');
    });

    it('reports every bad setting at once, in the order of the settings', () => {
      const error = spec
        .given([planned()])
        .when(configure({ sessions: 0, offerTtlHours: 0, extra: 1 }))
        .thenThrows('COHORT.OFFER_TTL_OUT_OF_BOUNDS');
      expect(fieldsOf(error)).toEqual(['changes.offerTtlHours', 'changes.sessions', 'changes.extra']);
    });
  });

  describe('when running', () => {
    it('still takes changes: one more session, another facilitator', () => {
      spec
        .given([planned(), opened, closed, started])
        .when(configure({ sessions: 11, facilitators: ['f-9'] }))
        .then([configured({ ...defaults, sessions: 11, facilitators: ['f-9'] })]);
    });
  });

  describe.each([
    ['completed', [opened, closed, started, completed], 'COHORT.ALREADY_COMPLETED'],
    ['cancelled', [cancelled], 'COHORT.CANCELLED'],
  ])('when %s', (_status, after, code) => {
    it('refuses: completion was judged against the settings as they were', () => {
      spec
        .given([planned(), ...after])
        .when(configure({ sessions: 8 }))
        .thenThrows(code, 'illegal-state');
    });
  });
});
