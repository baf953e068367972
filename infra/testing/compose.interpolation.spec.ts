import { interpolate, MissingVariableError, referencedVariables } from './compose.interpolation';

// The spec reads compose.yaml as `docker compose` would: these are compose's substitution rules.
describe('compose substitution', () => {
  const vars = { SET: 'value', EMPTY: '' };

  it('replaces ${VAR} and $VAR, and an unset one with nothing', () => {
    expect(interpolate('a ${SET} $SET ${UNSET}.', vars)).toBe('a value value .');
  });

  it('keeps $$ as a literal dollar', () => {
    expect(interpolate('$${SET} $$SET', vars)).toBe('${SET} $SET');
  });

  it('takes the default for unset or empty with :-, for unset only with -', () => {
    expect([
      interpolate('${UNSET:-d}', vars),
      interpolate('${EMPTY:-d}', vars),
      interpolate('${EMPTY-d}', vars),
      interpolate('${SET:-d}', vars),
    ]).toEqual(['d', 'd', '', 'value']);
  });

  it('stops with the message when a required variable is unset or empty (:?), or unset (?)', () => {
    expect(() => interpolate('${EMPTY:?set EMPTY}', vars)).toThrow(new MissingVariableError('EMPTY', 'set EMPTY'));
    expect(interpolate('${EMPTY?set EMPTY}', vars)).toBe('');
    expect(() => interpolate('${UNSET?}', vars)).toThrow(MissingVariableError);
  });

  it('substitutes inside defaults, and defaults may hold URLs', () => {
    expect(interpolate('${UNSET:-x${SET}y}', vars)).toBe('xvaluey');
    expect(interpolate('${UNSET:-esdb://eventstore:2113?tls=false}', vars)).toBe('esdb://eventstore:2113?tls=false');
  });

  it('lists every variable a text may substitute, defaults included, never an escaped one', () => {
    expect([...referencedVariables('${A:-${B}} $C $$D ${E:?x}')]).toEqual(['A', 'B', 'C', 'E']);
  });
});
