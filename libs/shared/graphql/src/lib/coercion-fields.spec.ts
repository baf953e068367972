import { coercionFields } from './coercion-fields';

describe('coercionFields', () => {
  it('takes the path of an ill-typed nested value', () => {
    expect(
      coercionFields(
        'Variable "$input" got invalid value 1.5 at "input.capacity"; Int cannot represent non-integer value: 1.5',
      ),
    ).toEqual([{ field: 'capacity', message: 'Int cannot represent non-integer value: 1.5' }]);
  });

  it('names a missing or unknown field, nested or not', () => {
    expect(
      coercionFields(
        'Variable "$input" got invalid value { a: "a" } at "input.w"; Field "b" of required type "Int!" was not provided.',
      )[0].field,
    ).toBe('w.b');
    expect(
      coercionFields(
        'Variable "$input" got invalid value { capacity: 3 }; Field "title" of required type "String!" was not provided.',
      )[0].field,
    ).toBe('title');
    expect(
      coercionFields('Variable "$input" got invalid value { extra: 1 }; Field "extra" is not defined by type "I".')[0]
        .field,
    ).toBe('extra');
  });

  it('names a required variable that is missing or null', () => {
    expect(coercionFields('Variable "$cohortId" of required type "ID!" was not provided.')).toEqual([
      { field: 'cohortId', message: 'is required' },
    ]);
    expect(coercionFields('Variable "$cohortId" of non-null type "ID!" must not be null.')[0].field).toBe('cohortId');
  });

  it('falls back to the variable name, and to nothing for other messages', () => {
    expect(
      coercionFields('Variable "$first" got invalid value "x"; Int cannot represent non-integer value: "x"')[0].field,
    ).toBe('first');
    expect(coercionFields('Cannot query field "nope" on type "Query".')).toEqual([]);
  });
});
