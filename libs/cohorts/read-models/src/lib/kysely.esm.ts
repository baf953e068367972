/**
 * kysely 0.29 ships ESM only and tsconfig.base compiles CommonJS with `module: node16`, which
 * refuses a value import of ESM; Node 20.19+ loads it through require(). Same bridge as
 * @sooc/read-store's, kept local so this library does not depend on an infra library.
 * Since 0.29 the migrator lives in 'kysely/migration' only.
 */
import type * as K from 'kysely' with { 'resolution-mode': 'import' };
import type * as KM from 'kysely/migration' with { 'resolution-mode': 'import' };

const kysely = require('kysely') as typeof K;
const migration = require('kysely/migration') as typeof KM;

export const { Kysely, SqliteDialect, PostgresDialect, sql } = kysely;
export const { Migrator } = migration;
export type Kysely<DB> = K.Kysely<DB>;
export type Migration = KM.Migration;
