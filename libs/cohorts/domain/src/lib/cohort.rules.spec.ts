import { capacityWarnings } from './cohort.rules';

describe('capacityWarnings', () => {
  it('is silent inside the recommended 10..100', () => {
    expect(capacityWarnings(10)).toEqual([]);
    expect(capacityWarnings(35)).toEqual([]);
    expect(capacityWarnings(100)).toEqual([]);
  });

  it('warns below 10 and above 100 within the hard bounds', () => {
    expect(capacityWarnings(9)).toEqual([expect.stringContaining('below the recommended minimum of 10')]);
    expect(capacityWarnings(101)).toEqual([expect.stringContaining('above the recommended maximum of 100')]);
  });

  it('leaves values the decider refuses to the decider', () => {
    expect(capacityWarnings(1)).toEqual([]);
    expect(capacityWarnings(501)).toEqual([]);
    expect(capacityWarnings(20.5)).toEqual([]);
  });
});
