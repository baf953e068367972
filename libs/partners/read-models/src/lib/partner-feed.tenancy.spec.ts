import type { Dossier } from '@sooc/enrollment-domain/published';
import { recorded, type DomainEvent, type RecordedEvent } from '@sooc/event-sourcing';
import { partnersTestDatabase, projectFeed } from '../testing/feed.fixture';
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { partnerFeed } from './partner-feed.query';
import type { PartnersDatabase } from './partners.read-model';

const COMPANIES = ['acme', 'globex', 'initech'] as const;
const COHORTS = ['c1', 'c2', 'c3'] as const;

interface Applicant {
  readonly learnerId: string;
  readonly cohortId: string;
  readonly companyId: string | null;
  readonly share: boolean;
}

const applicants = fc
  .uniqueArray(
    fc.record({
      learnerId: fc.stringMatching(/^l[0-9]{1,3}$/),
      cohortId: fc.constantFrom(...COHORTS),
      companyId: fc.option(fc.constantFrom(...COMPANIES), { nil: null }),
      share: fc.boolean(),
    }),
    { selector: (a) => `${a.cohortId}-${a.learnerId}`, minLength: 1, maxLength: 25 },
  )
  .map((list) => list.map((a) => ({ ...a, share: a.companyId !== null && a.share })));

function eventsOf(list: readonly Applicant[], offered: readonly boolean[]): RecordedEvent<DomainEvent>[] {
  const events: RecordedEvent<DomainEvent>[] = [];
  for (const a of list) {
    const ref = { enrollmentId: `${a.cohortId}-${a.learnerId}`, cohortId: a.cohortId, learnerId: a.learnerId };
    const dossier: Dossier = {
      name: 'pd1:name',
      email: 'pd1:email',
      motivation: 'pd1:motivation',
      level: 'beginner',
      companyId: a.companyId,
      shareWithCompany: a.share,
      answers: {},
      prerequisitesMet: [],
    };
    events.push(
      recorded(
        {
          type: 'ApplicationSubmitted',
          data: { ...ref, dossier, selectionPolicy: 'review', eligible: true, unmetPrerequisites: [] },
        },
        `enrollment-${ref.enrollmentId}`,
      ),
    );
  }
  list.forEach((a, i) => {
    if (offered[i])
      events.push(
        recorded(
          {
            type: 'ApplicationRejected',
            data: {
              enrollmentId: `${a.cohortId}-${a.learnerId}`,
              cohortId: a.cohortId,
              learnerId: a.learnerId,
              by: { id: 'r', role: 'reviewer' },
              reason: 'full',
              decisionId: null,
            },
          },
          `enrollment-${a.cohortId}-${a.learnerId}`,
        ),
      );
  });
  for (const cohortId of COHORTS)
    events.push(
      recorded({ type: 'CohortStarted', data: { cohortId, enrolled: [], notAdmitted: [] } }, `cohort-${cohortId}`),
    );
  return events;
}

describe('tenancy of the partner feed, as a property', () => {
  let db: Kysely<PartnersDatabase>;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await partnersTestDatabase('sqlite'));
  });
  afterAll(() => dispose());

  it("gives a company only its own people's events, named only with consent, and never their words", async () => {
    await fc.assert(
      fc.asyncProperty(applicants, fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }), async (list, offered) => {
        await db.deleteFrom('partner_feed').execute();
        await db.deleteFrom('partner_enrollments').execute();
        const events = eventsOf(list, offered);
        await projectFeed(db, events);
        const byEventId = new Map(events.map((e) => [e.id, e]));
        for (const company of COMPANIES) {
          const own = list.filter((a) => a.companyId === company);
          const feed = await partnerFeed(db, { companyId: company, after: null, first: 1_000 });
          for (const { event } of feed) {
            const source = byEventId.get(event.id)!;
            const data = source.data as { learnerId?: string; cohortId: string };
            if (data.learnerId === undefined) {
              // A cohort milestone: only for a cohort where the company has people.
              expect(own.some((a) => a.cohortId === data.cohortId)).toBe(true);
              continue;
            }
            const applicant = own.find((a) => a.learnerId === data.learnerId && a.cohortId === data.cohortId);
            expect(applicant).toBeDefined();
            expect('learnerId' in event.data).toBe(applicant!.share);
            expect('enrollmentId' in event.data).toBe(applicant!.share);
            expect(JSON.stringify(event)).not.toMatch(/pd1:|motivation|dossier/);
          }
          // And nothing of theirs is missing: each of their applications is in the feed.
          expect(feed.filter((e) => e.event.type.endsWith('application-submitted.v1'))).toHaveLength(own.length);
        }
      }),
      { numRuns: 60 },
    );
  });
});
