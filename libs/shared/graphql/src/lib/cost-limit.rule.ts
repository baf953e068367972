import {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';

/** graphql-armor's cost weights (its defaults, which the gateway always used). */
const SCALAR_COST = 1;
const OBJECT_COST = 2;
const DEPTH_COST_FACTOR = 1.5;

/** armor's list multiplier: a literal `first`/`last` (the first of them given) multiplies the field, a variable does not. */
function listMultiplier(field: FieldNode): number {
  const size = field.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last');
  return size?.value.kind === Kind.INT ? Math.max(parseInt(size.value.value, 10), 1) : 1;
}

/**
 * graphql-armor's static cost with fragments flattened where they are written: a scalar costs 1,
 * a field with a selection 2 plus 1.5 × what it selects, times its literal `first`/`last`. armor
 * itself counts a spread as a scalar holding an object one level deeper (its `flattenFragments`
 * option still adds 3 per spread, and 1.5 × the fragment at the operation's root), so a screen that
 * shared a fragment paid up to 2.25 × its fields. Here a spread, or an inline fragment, costs
 * exactly its fields written out in its place.
 */
class OperationCost {
  /** Each fragment's selections cost the same wherever it is spread: computed once. */
  private readonly fragmentCosts = new Map<string, number>();

  constructor(private readonly fragmentNamed: (name: string) => FragmentDefinitionNode | null | undefined) {}

  /** The sum of the fields a selection set reaches at its own level, through fragments included. */
  selections(selectionSet: SelectionSetNode, visiting: ReadonlySet<string> = new Set()): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) cost += this.field(selection, visiting);
      else if (selection.kind === Kind.INLINE_FRAGMENT) cost += this.selections(selection.selectionSet, visiting);
      else cost += this.fragment(selection.name.value, visiting);
    }
    return cost;
  }

  private field(field: FieldNode, visiting: ReadonlySet<string>): number {
    // Introspection's schema query is deep and is not data; armor leaves it out too.
    if (field.name.value === '__schema') return 0;
    if (!field.selectionSet) return SCALAR_COST;
    return (OBJECT_COST + DEPTH_COST_FACTOR * this.selections(field.selectionSet, visiting)) * listMultiplier(field);
  }

  private fragment(name: string, visiting: ReadonlySet<string>): number {
    const known = this.fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = this.fragmentNamed(name);
    // An unknown fragment or a cycle is reported by GraphQL's own rules (KnownFragmentNames, NoFragmentCycles).
    if (!fragment || visiting.has(name)) return 0;
    const cost = this.selections(fragment.selectionSet, new Set([...visiting, name]));
    this.fragmentCosts.set(name, cost);
    return cost;
  }
}

/**
 * Refuses operations whose static cost (see OperationCost) is over `maxCost`, before anything runs,
 * with armor's message (without its misleading "Syntax Error: " prefix) and code, BAD_USER_INPUT.
 */
export function costLimit(maxCost: number): ValidationRule {
  return (context: ValidationContext) => {
    const cost = new OperationCost((name) => context.getFragment(name));
    return {
      OperationDefinition(node) {
        const found = cost.selections(node.selectionSet);
        if (found > maxCost) {
          context.reportError(
            new GraphQLError(`Query Cost limit of ${maxCost} exceeded, found ${found}.`, {
              nodes: node,
              extensions: { code: 'BAD_USER_INPUT' },
            }),
          );
        }
      },
    };
  };
}
