import { migrateToLatest, openReadDatabase, type ReadDialect } from '@sooc/read-store';
import { dialects, testDatabase } from '@sooc/read-store/testing';
import type { Kysely } from 'kysely';
import { applyAuditEvent } from './audit.projection';
import { recorded } from '../testing/audit-events.fixture';
import { auditTrail } from './audit-trail.query';
import { complianceMigrations } from './compliance.migrations';
import type { ComplianceDatabase } from './compliance.read-model';

describe.each(dialects as readonly ReadDialect[])('the audit trail query on %s', (dialect) => {
  let db: Kysely<ComplianceDatabase>;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const target = await testDatabase(dialect);
    const read = openReadDatabase(target.url);
    db = read.db as Kysely<ComplianceDatabase>;
    dispose = async () => {
      await read.close();
      await target.dispose();
    };
    await migrateToLatest(db, [complianceMigrations]);
    const events = [
      recorded(1, 'CohortPlanned', { cohortId: 'c1' }),
      recorded(
        2,
        'ApplicationSubmitted',
        { enrollmentId: 'c1-ada', cohortId: 'c1', learnerId: 'ada' },
        { correlationId: 'r' },
      ),
      recorded(
        3,
        'SeatOffered',
        { enrollmentId: 'c1-ada', cohortId: 'c1', learnerId: 'ada' },
        {
          correlationId: 'r',
          actor: { id: 'reactor', role: 'system' },
        },
      ),
      recorded(4, 'ApplicationSubmitted', { enrollmentId: 'c2-bob', cohortId: 'c2', learnerId: 'bob' }),
      recorded(5, 'OfferDeclined', { enrollmentId: 'c1-ada', cohortId: 'c1', learnerId: 'ada', reason: 'No' }),
    ];
    for (const event of events) await db.insertInto('audit_entries').values(applyAuditEvent(null, event)).execute();
  });
  afterAll(() => dispose());

  const types = async (filter: Parameters<typeof auditTrail>[1]['filter']) =>
    (await auditTrail(db, { filter, first: 50 })).entries.map((e) => `${e.position.slice(-1)} ${e.type}`);

  it('narrows by learner, cohort, correlation, actor, types and time, in position order', async () => {
    expect(await types({ learnerId: 'ada' })).toEqual(['2 ApplicationSubmitted', '3 SeatOffered', '5 OfferDeclined']);
    expect(await types({ cohortId: 'c2' })).toEqual(['4 ApplicationSubmitted']);
    expect(await types({ correlationId: 'r' })).toEqual(['2 ApplicationSubmitted', '3 SeatOffered']);
    expect(await types({ actorId: 'reactor' })).toEqual(['3 SeatOffered']);
    expect(await types({ types: ['ApplicationSubmitted'], cohortId: 'c1' })).toEqual(['2 ApplicationSubmitted']);
    expect(await types({ from: '2030-01-01T00:00:03.000Z', to: '2030-01-01T00:00:05.000Z' })).toEqual([
      '3 SeatOffered',
      '4 ApplicationSubmitted',
    ]);
  });

  it('pages with a cursor and counts the whole match', async () => {
    const first = await auditTrail(db, { filter: {}, first: 2 });
    expect(first).toMatchObject({ totalCount: 5, hasNextPage: true });
    const rest = await auditTrail(db, { filter: {}, first: 10, after: first.endCursor });
    expect(rest.entries.map((e) => e.type)).toEqual(['SeatOffered', 'ApplicationSubmitted', 'OfferDeclined']);
    expect(rest.hasNextPage).toBe(false);
    await expect(auditTrail(db, { filter: {}, first: 2, after: 'nonsense' })).rejects.toThrow(
      'The cursor is not one this list returned',
    );
  });
});
