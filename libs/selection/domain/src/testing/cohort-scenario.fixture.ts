import {
  applicantWaitlisted,
  groupsFormed,
  opened,
  planned,
  quotaSet,
  seatConfirmed,
  seatReleased,
  seatReserved,
  sequence,
} from '@sooc/cohorts-domain/testing';
import { accepted, admitted, offered, submitted, waitlisted, withdrawn } from '@sooc/enrollment-domain/testing';
import type { DomainEvent, RecordedEvent } from '@sooc/event-sourcing';
import { decided, reviewed, rubricDefined } from './selection-events.fixture';

/*
 * One history of cohorts, enrollments and selections that the read models of every context are
 * checked on (the cohort's dashboard and seats, the enrollment's applications and due offers).
 * It lives here because the selection domain's testing entry is the one every context may import
 * that sees the events of all three.
 */

/** Learner → company in cohort c1, in submission order. */
export const C1_APPLICANTS: readonly [string, string | null][] = [
  ['a1', 'acme'],
  ['a2', 'acme'],
  ['g1', 'globex'],
  ['i1', null],
  ['i4', null],
  ['g2', 'globex'],
  ['i2', null],
  ['i3', null],
  ['x1', null],
  ['w1', 'initech'],
  ['s1', null],
];

const SCORES: Readonly<Record<string, number>> = { a1: 90, a2: 70, g1: 85, i1: 80, i4: 80, g2: 80, i2: 60 };
const company = (learner: string) => C1_APPLICANTS.find(([l]) => l === learner)?.[1] ?? null;

/**
 * Cohort c1 (review, capacity 4, waitlist by score; quotas acme 2, globex 1): a1 enrolled, a2 and
 * i1 hold offered seats, five wait (arriving i3, i2, i4, g2, g1; by score g1 85, i4 80, g2 80,
 * i2 60, i3 unscored), x1 ineligible, w1 withdrew after a seat, s1 unreviewed. Cohort c2
 * (first-come, capacity 2): a1 waits there too. Positions run 1, 2, … in this order.
 */
export function cohortScenario(): RecordedEvent<DomainEvent>[] {
  const events: DomainEvent[] = [
    planned('c1', 'review', 4),
    rubricDefined('c1', 1),
    quotaSet('c1', 'acme', 2),
    quotaSet('c1', 'globex', 1),
    opened('c1'),
    ...C1_APPLICANTS.map(([l, companyId]) => submitted('c1', l, { companyId, eligible: l !== 'x1' })),
    ...Object.entries(SCORES).map(([l, score]) => reviewed('c1', l, 'rev-1', score)),
    decided('c1', 'a1', 'admit'),
    ...['a1', 'a2', 'i1', 'w1'].flatMap((l) => [
      admitted('c1', l),
      seatReserved('c1', l, company(l), {
        expiresAt: l === 'i1' ? '2026-03-18T08:00:00.000Z' : '2026-03-20T08:00:00.000Z',
      }),
    ]),
    ...['a1', 'a2', 'i1', 'w1'].map((l) =>
      offered('c1', l, l === 'i1' ? '2026-03-18T08:00:00.000Z' : '2026-03-20T08:00:00.000Z'),
    ),
    accepted('c1', 'a1'),
    seatConfirmed('c1', 'a1'),
    withdrawn('c1', 'w1', 'offered'),
    seatReleased('c1', 'w1'),
    ...['i3', 'i2', 'i4', 'g2', 'g1'].flatMap((l) => [
      waitlisted('c1', l),
      applicantWaitlisted('c1', l, company(l), SCORES[l] ?? null),
    ]),
    groupsFormed('c1', 1, ['a1', 'a2']),
    planned('c2', 'first-come', 2),
    opened('c2'),
    submitted('c2', 'a1', { companyId: 'acme', selectionPolicy: 'first-come' }),
  ];
  return sequence(events);
}
