import { DeciderSpecification } from '@sooc/event-sourcing';
import { cohortDecider } from './cohort.decider';
import type { CohortEvent } from './cohort.events';
import { formGroups } from './groups.formation';
import {
  COHORT_ID,
  cancelled,
  closed,
  command,
  completed,
  confirmed,
  learner,
  opened,
  planned,
  reserved,
  seated,
  started,
} from '../testing/cohort.fixture';

const spec = DeciderSpecification(cohortDecider);
const learners = [1, 2, 3, 4, 5, 6, 7].map((n) => learner(n, n % 2 ? 'acme' : null));
const [a8] = [learner(8)];
const form = (seed = 'spring', targetSize: number | null = null) => command('FormGroups', { targetSize, seed });
const isClosed = [planned(10), opened, ...learners.flatMap(seated), reserved(a8), closed];
const formed = (formation: number, seed: string, targetSize: number, members = learners): CohortEvent => ({
  type: 'GroupsFormed',
  data: { cohortId: COHORT_ID, formation, targetSize, seed, groups: formGroups(members, targetSize, seed) },
});

describe('FormGroups', () => {
  describe('when none', () => {
    it('refuses: the cohort does not exist', () => {
      spec.given([]).when(form()).thenThrows('COHORT.NOT_FOUND', 'not-found');
    });
  });

  describe('when planned or open', () => {
    it('refuses: the roster is not final', () => {
      spec
        .given([planned(10)])
        .when(form())
        .thenThrows('COHORT.NOT_OPEN', 'illegal-state');
      spec
        .given([planned(10), opened])
        .when(form())
        .thenThrows('COHORT.APPLICATIONS_STILL_OPEN', 'illegal-state');
    });
  });

  describe('when closed', () => {
    it('groups the confirmed learners at the target size of the settings', () => {
      spec
        .given(isClosed)
        .when(form())
        .then([formed(1, 'spring', 5)]);
    });

    it('groups at the size asked for', () => {
      spec
        .given(isClosed)
        .when(form('spring', 3))
        .then([formed(1, 'spring', 3)]);
    });

    it('refuses when no learner has confirmed', () => {
      spec
        .given([planned(10), opened, reserved(a8), closed])
        .when(form())
        .thenThrows('COHORT.NO_LEARNERS', 'illegal-state');
    });

    it.each([1, 13, 2.5])('refuses a target size of %p', (size) => {
      spec.given(isClosed).when(form('spring', size)).thenThrows('COHORT.GROUP_SIZE_OUT_OF_BOUNDS', 'validation');
    });

    it.each([
      ['empty', ''],
      ['blank', '  '],
      ['of 101 characters', 's'.repeat(101)],
    ])('refuses a seed %s', (_label, seed) => {
      spec.given(isClosed).when(form(seed)).thenThrows('COHORT.SEED_INVALID', 'validation');
    });
  });

  describe('when running', () => {
    const isRunning = [...isClosed, started, formed(1, 'spring', 5)];

    it('re-forms under another seed or size as the next formation', () => {
      spec
        .given(isRunning)
        .when(form('summer'))
        .then([formed(2, 'summer', 5)]);
      spec
        .given(isRunning)
        .when(form('spring', 4))
        .then([formed(2, 'spring', 4)]);
    });

    it('changes nothing for the same seed and size over the same learners', () => {
      spec.given(isRunning).when(form('spring')).thenNothing();
      spec.given(isRunning).when(form('spring', 5)).thenNothing();
    });

    it('re-forms with the same seed once another learner confirmed', () => {
      spec
        .given([...isRunning, confirmed(a8)])
        .when(form('spring'))
        .then([formed(2, 'spring', 5, [...learners, a8])]);
    });

    it('keeps the latest formation in the state', () => {
      const state = [...isRunning, formed(2, 'summer', 4)].reduce(cohortDecider.evolve, cohortDecider.initialState());
      expect(state).toMatchObject({ groups: { formation: 2, seed: 'summer', targetSize: 4 } });
    });
  });

  describe.each([
    ['completed', [started, completed], 'COHORT.ALREADY_COMPLETED'],
    ['cancelled', [cancelled], 'COHORT.CANCELLED'],
  ])('when %s', (_status, after, code) => {
    it('refuses', () => {
      spec
        .given([...isClosed, ...after])
        .when(form())
        .thenThrows(code, 'illegal-state');
    });
  });
});
