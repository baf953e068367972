import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { buildSchema, parse, specifiedRules, validate, type GraphQLError } from 'graphql';
import { costLimit } from './cost-limit.rule';

const schema = buildSchema(`
  type Node { id: ID!, name: String, child: Node, children(first: Int): [Node!]! }
  type Query { node: Node, nodes(first: Int, last: Int): [Node!]! }
`);

function errorsOf(query: string, maxCost: number): readonly GraphQLError[] {
  return validate(schema, parse(query), [...specifiedRules, costLimit(maxCost)]);
}

/** The cost the rule finds, read from its refusal under a limit of 0. */
function costOf(query: string): number {
  const [error, ...more] = errorsOf(query, 0);
  expect(more).toEqual([]);
  return Number(/found ([\d.e+]+)\.$/.exec(error.message)![1]);
}

/** The cost graphql-armor's own rule (the gateway's limit before) gives the same document. */
function armorCostOf(query: string): number {
  let found = NaN;
  const rule = costLimitRule({ maxCost: Number.MAX_VALUE, onAccept: [(_context, { n }) => void (found = n)] });
  expect(validate(schema, parse(query), [rule])).toEqual([]);
  return found;
}

describe('costLimit', () => {
  it("costs documents without fragments exactly as graphql-armor's limit did", () => {
    const documents = [
      '{ node { id } }',
      '{ node { id name child { id child { name } } } }',
      '{ nodes(first: 20) { id children(first: 5) { id name } } node { id } }',
      '{ nodes(last: 3) { id } }',
      'query Page($n: Int) { nodes(first: $n) { id } }',
      '{ __typename node { __typename id } }',
    ];
    for (const query of documents) expect(costOf(query)).toBe(armorCostOf(query));
    expect(costOf('{ node { id name child { id } } }')).toBe(2 + 1.5 * (1 + 1 + (2 + 1.5 * 1)));
  });

  it('costs a selection spread from a fragment the same as the same fields written inline', () => {
    const inline = '{ nodes(first: 10) { id name child { id name } } node { child { id name } } }';
    const spread = `{ nodes(first: 10) { ...Entry } node { child { ...Named } } }
      fragment Entry on Node { ...Named child { ...Named } }
      fragment Named on Node { id name }`;
    const inlineFragments =
      '{ nodes(first: 10) { ... on Node { id name child { id name } } } node { child { ... { id name } } } }';
    expect(costOf(spread)).toBe(costOf(inline));
    expect(costOf(inlineFragments)).toBe(costOf(inline));
    // At the operation's root too: a query made of one spread costs its fields.
    expect(costOf('{ ...Root } fragment Root on Query { node { id } }')).toBe(costOf('{ node { id } }'));
    // armor counted the spread deeper: the shared fragment cost more than the fields it holds.
    expect(armorCostOf(spread)).toBeGreaterThan(2 * costOf(inline));
  });

  it('accepts an operation at the limit and refuses the one above it, with a code and both figures', () => {
    const query =
      'query Wide { nodes(first: 100) { ...Deep } } fragment Deep on Node { children(first: 100) { id name } }';
    const cost = costOf(query);
    expect(cost).toBe(100 * (2 + 1.5 * (100 * (2 + 1.5 * 2))));
    expect(errorsOf(query, cost)).toEqual([]);
    const refusals = errorsOf(query, 5_000);
    expect(refusals.map((e) => [e.message, e.extensions['code']])).toEqual([
      [`Query Cost limit of 5000 exceeded, found ${cost}.`, 'BAD_USER_INPUT'],
    ]);
  });

  it('leaves fragment cycles to graphql-js and does not count the schema introspection', () => {
    const cycle = errorsOf('{ node { ...A } } fragment A on Node { child { ...A } }', 1_000);
    expect(cycle.map((e) => e.message)).toEqual(['Cannot spread fragment "A" within itself.']);
    expect(costOf('{ __schema { types { fields { type { name } } } } node { id }  }')).toBe(costOf('{ node { id } }'));
  });
});
