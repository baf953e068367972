import { ValidationError } from './errors';
import { categoryOf, idOf, streamName } from './stream-name';

describe('stream names', () => {
  it('joins category and id parts with dashes', () => {
    expect(streamName('enrollment', 'c-1', 'l-2')).toBe('enrollment-c-1-l-2');
  });

  it('splits on the first dash so ids may contain dashes', () => {
    expect(categoryOf('cohort-3f2a-77')).toBe('cohort');
    expect(idOf('cohort-3f2a-77')).toBe('3f2a-77');
  });

  it('refuses a category with a dash and an empty id', () => {
    expect(() => streamName('bad-cat', 'x')).toThrow(ValidationError);
    expect(() => streamName('cohort', '')).toThrow(ValidationError);
  });
});
