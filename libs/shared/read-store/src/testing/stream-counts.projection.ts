import type { DomainEvent, Projection, ProjectionRow } from '@sooc/event-sourcing';
import type { MigrationSet } from '../lib/migrate';

/** Tiny read models for the runner specs: events per stream, and events per type. */
export type CountEvent =
  | DomainEvent<'Counted', { by: number }>
  | DomainEvent<'Closed', Record<string, never>>
  | DomainEvent<'Removed', Record<string, never>>
  | DomainEvent<'Exploded', { boom: boolean }>
  | DomainEvent<'Noted', Record<string, never>>;

export interface StreamCountRow extends ProjectionRow {
  stream_id: string;
  count: number;
  last_type: string;
  /** Written as a boolean, read back as 1/0 on both dialects. */
  closed: boolean | number;
}

export interface TypeCountRow extends ProjectionRow {
  type: string;
  count: number;
}

export const countMigrations: MigrationSet = {
  counts_0001_tables: {
    async up(db) {
      await db.schema
        .createTable('stream_counts')
        .addColumn('stream_id', 'varchar(100)', (c) => c.primaryKey())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('last_type', 'varchar(50)', (c) => c.notNull())
        .addColumn('closed', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('type_counts')
        .addColumn('type', 'varchar(50)', (c) => c.primaryKey())
        .addColumn('count', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
};

export function streamCounts(options: { explode?: boolean } = {}): Projection<StreamCountRow, CountEvent> {
  return {
    name: 'stream-counts',
    table: 'stream_counts',
    keyColumn: 'stream_id',
    handles: ['Counted', 'Closed', 'Removed', 'Exploded'],
    keyOf: (event) => event.streamId,
    apply: (row, event) => {
      const base = row ?? { stream_id: event.streamId, count: 0, last_type: '', closed: false };
      switch (event.type) {
        case 'Counted':
          return { ...base, count: base.count + event.data.by, last_type: event.type };
        case 'Closed':
          return { ...base, closed: true, last_type: event.type };
        case 'Removed':
          return null;
        case 'Exploded':
          if (event.data.boom && options.explode !== false) throw new Error('boom');
          return { ...base, last_type: event.type };
        default:
          return row;
      }
    },
  };
}

export const typeCounts: Projection<TypeCountRow, CountEvent> = {
  name: 'type-counts',
  table: 'type_counts',
  keyColumn: 'type',
  handles: ['Counted', 'Closed', 'Removed'],
  keyOf: (event) => event.type,
  apply: (row, event) => ({ type: event.type, count: (row?.count ?? 0) + 1 }),
};
