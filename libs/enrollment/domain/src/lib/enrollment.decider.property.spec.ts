import fc from 'fast-check';
import { DomainError, SPEC_ACTOR, type Actor } from '@sooc/event-sourcing';
import type { CohortSnapshot, EnrollmentCommand } from './enrollment.commands';
import { enrollmentDecider } from './enrollment.decider';
import { FINAL_ENROLLMENT_STATUSES, type EnrollmentState } from './enrollment.state';
import { dossier, ref } from '../testing/enrollment.fixture';

type Status = EnrollmentState['status'];

/** Every status an event may lead to from each status; a status always may stay as it is. */
const ALLOWED: Record<Status, readonly Status[]> = {
  none: ['submitted', 'ineligible'],
  submitted: ['admitted', 'rejected', 'waitlisted', 'withdrawn', 'cancelled', 'not-admitted'],
  admitted: ['waitlisted', 'offered', 'withdrawn', 'cancelled', 'not-admitted'],
  waitlisted: ['offered', 'withdrawn', 'cancelled', 'not-admitted'],
  offered: ['enrolled', 'declined', 'expired', 'withdrawn', 'cancelled', 'not-admitted'],
  enrolled: ['completed', 'dropped', 'withdrawn', 'cancelled'],
  ineligible: [],
  rejected: [],
  declined: [],
  expired: [],
  completed: [],
  dropped: [],
  withdrawn: [],
  cancelled: [],
  'not-admitted': [],
};

const BASE = Date.parse('2026-03-01T00:00:00Z');
const HOUR = 3_600_000;
const instant = fc.integer({ min: 0, max: 24 * 10 }).map((h) => new Date(BASE + h * HOUR));
// Offers mostly expire in the second half of the period, so many are answered in time and some are not.
const expiry = fc.integer({ min: 24 * 4, max: 24 * 10 }).map((h) => new Date(BASE + h * HOUR).toISOString());
const metadata = fc.record({
  now: instant,
  actor: fc.constantFrom<Actor>(SPEC_ACTOR, { id: 'system', role: 'system' }),
});
const cohort: fc.Arbitrary<CohortSnapshot> = fc.record({
  status: fc.constantFrom(
    'none' as const,
    'planned' as const,
    'open' as const,
    'open' as const,
    'running' as const,
    'running' as const,
  ),
  selectionPolicy: fc.constantFrom('first-come' as const, 'review' as const),
  prerequisites: fc.constantFrom([], ['TypeScript basics'], ['Git']),
  sessions: fc.constant(4),
  // Around every instant drawn: the window's own rule has its property in application-window.property.spec.ts.
  applicationWindow: fc.constant({
    opensAt: new Date(BASE).toISOString(),
    closesAt: new Date(BASE + 24 * 11 * HOUR).toISOString(),
  }),
});
const runningMostly = fc.oneof(
  { weight: 4, arbitrary: cohort.map((c) => ({ ...c, status: 'running' as const })) },
  { weight: 1, arbitrary: cohort },
);
const reason = fc.oneof(fc.constant(null), fc.constantFrom('moving', ''), fc.string({ maxLength: 600 }));

function cmd<T extends EnrollmentCommand['type']>(
  type: T,
  data: fc.Arbitrary<object>,
): fc.Arbitrary<EnrollmentCommand> {
  return fc
    .record({ data, metadata })
    .map(({ data, metadata }) => ({ type, data: { ...ref, ...data }, metadata }) as unknown as EnrollmentCommand);
}

// Weighted so that sequences often get far along the happy path before something ends them.
const weighted = (weight: number, arbitrary: fc.Arbitrary<EnrollmentCommand>) => ({ weight, arbitrary });
const command: fc.Arbitrary<EnrollmentCommand> = fc.oneof(
  weighted(4, cmd('SubmitApplication', fc.record({ dossier: fc.constant(dossier), cohort }))),
  weighted(
    3,
    cmd(
      'RecordDecision',
      fc.record({
        decision: fc.constantFrom('admit', 'admit', 'reject', 'waitlist'),
        by: fc.constant(SPEC_ACTOR),
        reason: fc.constant('r'),
        decisionId: fc.constantFrom('d-1', 'd-2'),
      }),
    ),
  ),
  weighted(2, cmd('RecordWaitlisting', fc.record({ reason: fc.constant('no free seat') }))),
  weighted(
    4,
    cmd('OfferSeat', fc.record({ expiresAt: expiry, promoted: fc.boolean(), reason: fc.constant('seat free') })),
  ),
  weighted(4, cmd('AcceptOffer', fc.constant({}))),
  weighted(1, cmd('DeclineOffer', fc.record({ reason }))),
  weighted(1, cmd('ExpireOffer', fc.constant({}))),
  weighted(
    10,
    cmd(
      'RecordAttendance',
      fc.record({
        session: fc.integer({ min: 0, max: 5 }),
        attended: fc.constantFrom(true, true, true, false),
        cohort: runningMostly,
      }),
    ),
  ),
  weighted(
    2,
    cmd(
      'CompleteEnrollment',
      fc.record({ sessions: fc.constant(4), completionThreshold: fc.constantFrom(0.25, 0.25, 0.5, 1) }),
    ),
  ),
  weighted(1, cmd('WithdrawApplication', fc.record({ reason }))),
  weighted(1, cmd('CancelEnrollment', fc.record({ reason: fc.constant('cohort cancelled') }))),
  weighted(1, cmd('EndAtCohortStart', fc.record({ reason: fc.constant('the cohort started') }))),
);

/** Runs the commands, refusals included, checking each event against the rules below. */
function run(
  commands: readonly EnrollmentCommand[],
  check: (before: EnrollmentState, after: EnrollmentState, type: string) => void,
): EnrollmentState {
  let state = enrollmentDecider.initialState();
  for (const c of commands) {
    let events;
    try {
      events = enrollmentDecider.decide(c, state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      continue;
    }
    for (const event of events) {
      const before = JSON.stringify(state);
      const next = enrollmentDecider.evolve(state, event);
      // evolve builds a new state: the one it was given stays as it was.
      expect(JSON.stringify(state)).toBe(before);
      check(state, next, event.type);
      state = next;
    }
  }
  return state;
}

// Most runs start with an application to an open cohort: without one, every other command is refused.
const firstSubmission = cmd(
  'SubmitApplication',
  fc.record({ dossier: fc.constant(dossier), cohort: cohort.map((c) => ({ ...c, status: 'open' as const })) }),
);
// size 'max': fast-check's default size keeps arrays to a handful of commands, too few to get far.
const sequences = fc
  .tuple(fc.option(firstSubmission, { freq: 4 }), fc.array(command, { maxLength: 40, size: 'max' }))
  .map(([first, rest]) => (first ? [first, ...rest] : rest));

describe('enrollment decider over random command sequences', () => {
  it('reaches most statuses, so the properties below mean something', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(sequences, (commands) => {
        run(commands, (_, after) => reached.add(after.status));
      }),
      // A fixed seed: this checks the generators' reach, which must not depend on the luck of a run.
      { numRuns: 3000, seed: 20261128 },
    );
    expect([...reached].sort()).toEqual(
      Object.keys(ALLOWED)
        .filter((s) => s !== 'none')
        .sort(),
    );
  });

  it('moves only along allowed transitions, every event changes what it claims, and refuses only with DomainErrors', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        run(commands, (before, after, type) => {
          if (after.status !== before.status) expect(ALLOWED[before.status]).toContain(after.status);
          else expect(type).toBe('AttendanceRecorded');
        });
      }),
      { numRuns: 500 },
    );
  });

  it('never changes a final status, nor anything recorded once it is reached', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        run(commands, (before, after) => {
          if ((FINAL_ENROLLMENT_STATUSES as readonly string[]).includes(before.status)) expect(after).toEqual(before);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('holds at most one open offer at a time', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        let open = 0;
        run(commands, (before, after, type) => {
          if (type === 'SeatOffered') open += 1;
          if (before.status === 'offered' && after.status !== 'offered') open -= 1;
          expect(open).toBeLessThanOrEqual(1);
          expect(open).toBe(after.status === 'offered' ? 1 : 0);
        });
      }),
      { numRuns: 500 },
    );
  });
});
