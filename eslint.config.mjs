import graphql from '@graphql-eslint/eslint-plugin';
import nx from '@nx/eslint-plugin';

// What domain and util code must never import (DESIGN §2): frameworks, drivers, transports.
const frameworksAndDrivers = [
  '@nestjs/*',
  '@eventstore/*',
  'kysely',
  'kysely/*',
  'pg',
  'better-sqlite3',
  'fastify',
  'graphql',
  'graphql-*',
  '@apollo/*',
];
const drivers = ['@eventstore/*', 'pg', 'better-sqlite3'];
/** What another context may import of a context: its events, and the published queries of its read models. */
const PUBLISHED = ['published:events', 'published:queries'];

/**
 * Layering by `type:*`, contexts by `scope:*`. Specs and test fixtures (`testing: true`) may also
 * reach the infra adapters, to run real stores under application and API code.
 */
function boundaries({ testing }) {
  const infra = testing ? ['type:infra'] : [];
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      allow: [],
      depConstraints: [
        {
          sourceTag: 'type:domain',
          onlyDependOnLibsWithTags: ['type:domain', 'type:util', ...infra],
          // Deciders never read a clock nor wait: the time comes in the command (libs tagged effects).
          notDependOnLibsWithTags: testing ? [] : ['effects'],
          bannedExternalImports: frameworksAndDrivers,
        },
        {
          sourceTag: 'type:util',
          onlyDependOnLibsWithTags: ['type:util'],
          bannedExternalImports: frameworksAndDrivers,
        },
        {
          sourceTag: 'type:read-model',
          onlyDependOnLibsWithTags: ['type:domain', 'type:util', ...infra],
          bannedExternalImports: ['@nestjs/*', '@eventstore/*', 'fastify', 'graphql', '@apollo/*'],
        },
        {
          sourceTag: 'type:application',
          onlyDependOnLibsWithTags: ['type:application', 'type:domain', 'type:util', ...infra],
          bannedExternalImports: testing ? [] : [...drivers, 'kysely'],
        },
        {
          sourceTag: 'type:api',
          onlyDependOnLibsWithTags: [
            'type:api',
            'type:application',
            'type:read-model',
            'type:domain',
            'type:util',
            ...infra,
          ],
          bannedExternalImports: testing ? [] : drivers,
        },
        {
          sourceTag: 'type:infra',
          onlyDependOnLibsWithTags: ['type:infra', 'type:application', 'type:read-model', 'type:domain', 'type:util'],
        },
        { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
        // The console is a browser app: it knows the API only through its GraphQL schema, never a
        // library of the backend (whose code needs Node, and whose rules the API enforces).
        {
          sourceTag: 'type:web',
          onlyDependOnLibsWithTags: [],
          bannedExternalImports: [
            ...frameworksAndDrivers.filter((p) => !p.startsWith('graphql') && p !== '@apollo/*'),
            '@sooc/*',
          ],
        },
        { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
        // Another context's events are its published language: a context may read them (the domain
        // libs tagged published:events), never its handlers, read models or API. A read-model lib
        // tagged published:queries answers a few questions for the others, through its /published entry.
        {
          sourceTag: 'scope:cohorts',
          onlyDependOnLibsWithTags: ['scope:cohorts', 'scope:shared', ...PUBLISHED],
        },
        {
          sourceTag: 'scope:enrollment',
          onlyDependOnLibsWithTags: ['scope:enrollment', 'scope:shared', ...PUBLISHED],
        },
        {
          sourceTag: 'scope:selection',
          onlyDependOnLibsWithTags: ['scope:selection', 'scope:shared', ...PUBLISHED],
        },
        {
          sourceTag: 'scope:partners',
          onlyDependOnLibsWithTags: ['scope:partners', 'scope:shared', ...PUBLISHED],
        },
        // Compliance reads every context's events (their published language) and nothing else of them.
        {
          sourceTag: 'scope:compliance',
          onlyDependOnLibsWithTags: ['scope:compliance', 'scope:shared', ...PUBLISHED],
        },
        { sourceTag: 'scope:app', onlyDependOnLibsWithTags: ['*'] },
      ],
    },
  ];
}

const CONTEXTS = ['cohorts', 'enrollment', 'selection', 'compliance', 'partners'];
/** Contexts whose read models publish read functions (their lib is tagged published:queries); the others' are refused whole by the scope tags. */
const PUBLISHING_READ_MODELS = ['selection'];

/**
 * Another context's domain only through its published language (`@sooc/<context>-domain/published`:
 * events, the values they carry, stream names and published queries), never the decider, commands
 * or rules behind it (DESIGN §2); another context's read models only through what they publish
 * (`@sooc/<context>-read-models/published`), never their tables. Specs and fixtures may build other
 * contexts' aggregates and read models to set a scene, so they are not bound by it.
 */
function publishedLanguageOnly(own) {
  const others = CONTEXTS.filter((c) => c !== own);
  return {
    files: [`libs/${own}/**/*.ts`],
    ignores: ['**/*.spec.ts', '**/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...others.map((c) => ({
              name: `@sooc/${c}-domain`,
              message: `Import @sooc/${c}-domain/published: another context's events, stream names and published queries, never its decider, commands or rules.`,
            })),
            ...others
              .filter((c) => PUBLISHING_READ_MODELS.includes(c))
              .map((c) => ({
                name: `@sooc/${c}-read-models`,
                message: `Import @sooc/${c}-read-models/published: another context's published read functions, never its tables or projections.`,
              })),
          ],
        },
      ],
    },
  };
}

/**
 * The printed schema (`schema.graphql`, written by `npm run schema`), linted as its callers read it:
 * every type, field, argument, input field, enum value and scalar says what it means. Linted by the
 * gateway's lint target, which owns the schema.
 */
const SCHEMA = 'schema.graphql';
const schemaLint = [
  {
    files: [SCHEMA],
    languageOptions: {
      parser: graphql.parser,
      parserOptions: { graphQLConfig: { schema: `${import.meta.dirname}/${SCHEMA}` } },
    },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
          DirectiveDefinition: true,
        },
      ],
      // Cheap checks of the schema's shape: the conventions graphql-eslint recommends, no type nobody
      // can reach, and connections shaped as Relay clients expect.
      '@graphql-eslint/naming-convention': [
        'error',
        {
          types: 'PascalCase',
          FieldDefinition: 'camelCase',
          InputValueDefinition: 'camelCase',
          EnumValueDefinition: 'UPPER_CASE',
          'FieldDefinition[parent.name.value=Query]': {
            forbiddenPrefixes: ['query', 'get'],
            forbiddenSuffixes: ['Query'],
          },
          'FieldDefinition[parent.name.value=Mutation]': {
            forbiddenPrefixes: ['mutation'],
            forbiddenSuffixes: ['Mutation'],
          },
          'FieldDefinition[parent.name.value=Subscription]': {
            forbiddenPrefixes: ['subscription'],
            forbiddenSuffixes: ['Subscription'],
          },
        },
      ],
      '@graphql-eslint/no-unreachable-types': 'error',
      '@graphql-eslint/no-hashtag-description': 'error',
      '@graphql-eslint/relay-page-info': 'error',
      '@graphql-eslint/relay-connection-types': 'error',
    },
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', 'data', 'tmp', 'coverage', 'apps/console/src/gql'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries({ testing: false }),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/src/testing/**/*.ts', 'test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries({ testing: true }),
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  ...CONTEXTS.map(publishedLanguageOnly),
  ...schemaLint,
];
