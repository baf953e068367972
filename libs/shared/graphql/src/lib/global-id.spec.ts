import { globalIdOf, parseGlobalId } from './global-id';

describe('global ids', () => {
  it('round-trips a type and a key, the key keeping its own dashes and colons', () => {
    expect(globalIdOf('Cohort', 'facilitation-101-spring')).toBe('Cohort:facilitation-101-spring');
    expect(parseGlobalId('Cohort:facilitation-101-spring')).toEqual({ type: 'Cohort', key: 'facilitation-101-spring' });
    expect(parseGlobalId(globalIdOf('Application', 'c-1-ada'))).toEqual({ type: 'Application', key: 'c-1-ada' });
  });

  it('is null for anything that is not a global id', () => {
    for (const id of ['', 'facilitation-101', ':x', 'Cohort:', ':']) expect(parseGlobalId(id)).toBeNull();
  });
});
