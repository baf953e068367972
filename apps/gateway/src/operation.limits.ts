import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { costLimit, depthLimit } from '@sooc/graphql';
import type { ParseOptions, ValidationRule } from 'graphql';

/** How big one GraphQL operation may be (GRAPHQL_MAX_*): abusive documents are refused before they run. */
export interface OperationLimits {
  /** Deepest field nesting (introspection excluded). */
  readonly maxDepth: number;
  /**
   * graphql-armor's static cost (1 per scalar, 2 per object plus 1.5 × what it selects, times a
   * literal `first`/`last`), with a fragment costing its fields where it is spread (costLimit).
   */
  readonly maxCost: number;
  readonly maxAliases: number;
  /** Lexical tokens in the document: checked while parsing, so a huge document costs nothing more. */
  readonly maxTokens: number;
  /** Off, field suggestions ("Did you mean …?") would tell the schema that introspection hides. */
  readonly introspection: boolean;
}

export interface OperationGuards {
  readonly validationRules: ValidationRule[];
  readonly plugins: ApolloServerPlugin[];
  readonly parseOptions: ParseOptions;
}

/**
 * graphql-armor's alias and directive limits as validation rules (Apollo runs them once per
 * distinct document, then serves its cached validation) beside our depth limit, which leaves
 * introspection alone, and our cost limit (costLimit): armor's own counts a fragment spread
 * deeper than the same fields written out, so screens could not share fragments. The token limit
 * is graphql's own parse option rather than armor's plugin: that plugin parses every request
 * again, even the ones Apollo answers from its document cache.
 */
export function operationGuards(limits: OperationLimits): OperationGuards {
  const armor = new ApolloArmor({
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: 50 },
    maxDepth: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: !limits.introspection },
  }).protect();
  return {
    validationRules: [depthLimit(limits.maxDepth), costLimit(limits.maxCost), ...armor.validationRules],
    plugins: armor.plugins,
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
