/**
 * kysely 0.29 ships ESM only. Node ≥ 20.19 loads it through require(), but TypeScript's
 * `module: node16` (tsconfig.base) refuses a value import of ESM from a CommonJS file, and jest
 * needs it transformed (see jest.config.cjs). So the rest of the repo imports Kysely from here.
 * Switching the base config to `module: node20` would make this file unnecessary.
 */
import type * as K from 'kysely' with { 'resolution-mode': 'import' };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const kysely = require('kysely') as typeof K;

export const { Kysely, Migrator, SqliteDialect, PostgresDialect, sql } = kysely;
export type Kysely<DB> = K.Kysely<DB>;
export type Transaction<DB> = K.Transaction<DB>;
export type Migration = K.Migration;
export type MigrationProvider = K.MigrationProvider;
export type MigrationResult = K.MigrationResult;
export type RawBuilder<T> = K.RawBuilder<T>;
