import type { Dossier } from '@sooc/enrollment-domain/published';
import { recorded, type DomainEvent, type RecordedEvent } from '@sooc/event-sourcing';
import type { ReadDialect } from '@sooc/read-store';
import { dialects } from '@sooc/read-store/testing';
import { partnersTestDatabase, projectFeed } from '../testing/feed.fixture';
import type { Kysely } from 'kysely';
import { positionKey } from '@sooc/util';
import { partnerFeed, partnerFeedHead } from './partner-feed.query';
import type { PartnersDatabase } from './partners.read-model';

const dossier = (companyId: string | null, shareWithCompany: boolean): Dossier => ({
  name: null,
  email: null,
  motivation: 'pd1:sealed',
  level: 'beginner',
  companyId,
  shareWithCompany,
  answers: {},
  prerequisitesMet: [],
});
const ref = (cohortId: string, learnerId: string) => ({
  enrollmentId: `${cohortId}-${learnerId}`,
  cohortId,
  learnerId,
});
const submitted = (cohortId: string, learnerId: string, companyId: string | null, share: boolean) =>
  recorded(
    {
      type: 'ApplicationSubmitted',
      data: {
        ...ref(cohortId, learnerId),
        dossier: dossier(companyId, share),
        selectionPolicy: 'first-come',
        eligible: true,
        unmetPrerequisites: [],
      },
    },
    `enrollment-${cohortId}-${learnerId}`,
  );
const offered = (cohortId: string, learnerId: string) =>
  recorded(
    {
      type: 'SeatOffered',
      data: {
        ...ref(cohortId, learnerId),
        expiresAt: '2030-01-03T00:00:00.000Z',
        promotedFromWaitlist: false,
        reason: 'seat free',
      },
    },
    `enrollment-${cohortId}-${learnerId}`,
  );
const started = (cohortId: string) =>
  recorded({ type: 'CohortStarted', data: { cohortId, enrolled: [], notAdmitted: [] } }, `cohort-${cohortId}`);

describe.each(dialects as readonly ReadDialect[])('a partner company’s feed on %s', (dialect) => {
  let db: Kysely<PartnersDatabase>;
  let dispose: () => Promise<void>;
  let events: RecordedEvent<DomainEvent>[] = [];
  let last = 0n;

  beforeAll(async () => {
    ({ db, dispose } = await partnersTestDatabase(dialect));
    events = [
      submitted('c1', 'ada', 'acme', true),
      submitted('c1', 'bob', 'acme', false),
      submitted('c1', 'cyd', 'globex', true),
      submitted('c2', 'dan', null, false),
      offered('c1', 'ada'),
      offered('c1', 'bob'),
      offered('c1', 'cyd'),
      started('c1'),
      started('c2'),
    ];
    last = events.at(-1)?.position ?? 0n;
    await projectFeed(db, events);
  });
  afterAll(() => dispose());

  const feedOf = async (companyId: string, after: string | null = null, types?: string[]) =>
    (await partnerFeed(db, { companyId, after, first: 100, ...(types ? { types } : {}) })).map((e) => ({
      type: e.event.type.replace(/^org\.sooc\.\w+\.|\.v1$/g, ''),
      ...e.event.data,
    }));

  it("holds its own people's events, named only with their consent, and its cohorts' milestones", async () => {
    expect(await feedOf('acme')).toEqual([
      {
        type: 'application-submitted',
        enrollmentId: 'c1-ada',
        cohortId: 'c1',
        learnerId: 'ada',
        companyId: 'acme',
        eligible: true,
      },
      { type: 'application-submitted', cohortId: 'c1', companyId: 'acme', eligible: true },
      {
        type: 'seat-offered',
        enrollmentId: 'c1-ada',
        cohortId: 'c1',
        learnerId: 'ada',
        expiresAt: '2030-01-03T00:00:00.000Z',
        promotedFromWaitlist: false,
      },
      { type: 'seat-offered', cohortId: 'c1', expiresAt: '2030-01-03T00:00:00.000Z', promotedFromWaitlist: false },
      { type: 'cohort-started', cohortId: 'c1' },
    ]);
  });

  it("never holds another company's people nor an independent learner, and nothing for a company with no one", async () => {
    const globex = JSON.stringify(await feedOf('globex'));
    expect(globex).toContain('cyd');
    for (const other of ['ada', 'bob', 'dan', 'c2']) expect(globex).not.toContain(other);
    expect(await feedOf('initech')).toEqual([]);
  });

  it('resumes after a position, keeps to the types asked for, and knows its head', async () => {
    const all = await partnerFeed(db, { companyId: 'acme', after: null, first: 100 });
    const rest = await partnerFeed(db, { companyId: 'acme', after: all[1]!.position, first: 2 });
    expect(rest.map((e) => e.position)).toEqual(all.slice(2, 4).map((e) => e.position));
    expect((await feedOf('acme', null, ['org.sooc.cohorts.cohort-started.v1'])).map((e) => e.type)).toEqual([
      'cohort-started',
    ]);
    // The last event of all is c2's start: the head is past acme's last entry.
    expect(await partnerFeedHead(db)).toBe(positionKey(last));
  });
});
