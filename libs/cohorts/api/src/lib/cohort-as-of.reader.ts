import { Inject, Injectable } from '@nestjs/common';
import { cohortStream, evolveCohort, ledgerEntries, waitlistOrder, type CohortState } from '@sooc/cohorts-domain';
import type { EventStore, RecordedEvent } from '@sooc/event-sourcing';
import { EVENT_STORE } from '@sooc/nest';
import { eventsUpTo, type AsOfInput } from '@sooc/graphql';
import type { CohortAsOf } from './cohort-as-of.type';
import { toDashboardSettings } from './cohort-dashboard.mapper';
import type { CohortStatus } from './enums';

/**
 * The cohort at a point of its history: its own stream read from the store and folded by the
 * cohort's evolve up to that point, as the decider would have seen it then.
 */
@Injectable()
export class CohortAsOfReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async cohortAsOf(cohortId: string, at: AsOfInput): Promise<CohortAsOf | null> {
    const included = eventsUpTo(at);
    const events = (await this.store.readStream(cohortStream(cohortId))).filter(included);
    const state = events.reduce<CohortState>((s, e) => evolveCohort(s, e as never), { status: 'none' });
    const last = events.at(-1);
    return last && state.status !== 'none' ? toCohortAsOf(cohortId, state, last) : null;
  }
}

function toCohortAsOf(
  cohortId: string,
  state: Exclude<CohortState, { status: 'none' }>,
  last: RecordedEvent,
): CohortAsOf {
  const { ledger, settings } = state;
  const lines = ledgerEntries(ledger);
  const holding = lines.filter((e) => e.status === 'reserved' || e.status === 'confirmed');
  const waiting = waitlistOrder(state);
  const companies = [...new Set([...Object.keys(ledger.quotas), ...lines.map((e) => e.companyId)])]
    .filter((c): c is string => c !== null)
    .sort()
    .map((companyId) => {
      const mine = lines.filter((e) => e.companyId === companyId);
      const count = (status: string) => mine.filter((e) => e.status === status).length;
      return {
        companyId,
        quota: Object.hasOwn(ledger.quotas, companyId) ? (ledger.quotas[companyId] ?? null) : null,
        reserved: count('reserved'),
        confirmed: count('confirmed'),
        waitlisted: count('waitlisted'),
      };
    });
  return {
    cohortId,
    position: last.position,
    lastChangedAt: last.metadata.occurredAt,
    status: state.status as CohortStatus,
    title: state.title,
    capacity: ledger.capacity,
    reserved: ledger.tally.reserved,
    confirmed: ledger.tally.confirmed,
    roster: holding.map((e) => ({
      enrollmentId: e.enrollmentId,
      learnerId: e.learnerId,
      companyId: e.companyId,
      seat: e.status.toUpperCase(),
      offerExpiresAt: e.offerExpiresAt,
    })),
    waitlist: waiting.map((e, i) => ({
      position: i + 1,
      enrollmentId: e.enrollmentId,
      learnerId: e.learnerId,
      companyId: e.companyId,
      score: e.score,
    })),
    companies,
    settings: toDashboardSettings(settings),
    groupFormation: state.groups?.formation ?? 0,
    groups: (state.groups?.groups ?? []).map((g) => ({
      groupId: g.groupId,
      learnerIds: g.members.map((m) => m.learnerId),
    })),
  };
}
