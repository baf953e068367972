/**
 * kysely 0.29 ships ESM only. Node ≥ 20.19 loads it through require(), but TypeScript's
 * `module: node16` (tsconfig.base) refuses a value import of ESM from a CommonJS file, and jest
 * needs it transformed (see jest.config.cjs). So the rest of the repo imports Kysely from here.
 * Switching the base config to `module: node20` would make this file unnecessary.
 */
import type * as K from 'kysely' with { 'resolution-mode': 'import' };
import type * as M from 'kysely/migration' with { 'resolution-mode': 'import' };

const kysely = require('kysely') as typeof K;
const migration = require('kysely/migration') as typeof M;

export const { Kysely, SqliteAdapter, SqliteDialect, PostgresDialect, CompiledQuery, sql } = kysely;
export const { Migrator } = migration;
export type Kysely<DB> = K.Kysely<DB>;
export type Transaction<DB> = K.Transaction<DB>;
export type RawBuilder<T> = K.RawBuilder<T>;
export type CompiledQuery<O = unknown> = K.CompiledQuery<O>;
export type Migration = M.Migration;
export type MigrationProvider = M.MigrationProvider;
export type MigrationResult = M.MigrationResult;
