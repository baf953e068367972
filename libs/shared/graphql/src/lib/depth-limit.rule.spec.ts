import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { depthLimit } from './depth-limit.rule';

const schema = buildSchema(`
  type Node { id: ID!, child: Node }
  type Query { node: Node }
`);

function errorsOf(query: string, max: number): string[] {
  return validate(schema, parse(query), [...specifiedRules, depthLimit(max)]).map((e) => e.message);
}

describe('depthLimit', () => {
  it('accepts an operation at the limit and refuses one level more', () => {
    expect(errorsOf('query Ok { node { child { id } } }', 3)).toEqual([]);
    expect(errorsOf('query Deep { node { child { child { id } } } }', 3)).toEqual([
      'Deep is nested 4 levels deep; the limit is 3',
    ]);
  });

  it('counts fields reached through fragments', () => {
    const query = 'query F { node { ...C } } fragment C on Node { child { child { id } } }';
    expect(errorsOf(query, 3)).toEqual(['F is nested 4 levels deep; the limit is 3']);
  });

  it('does not count introspection', () => {
    expect(errorsOf('{ __schema { types { fields { type { ofType { name } } } } } }', 2)).toEqual([]);
  });
});
