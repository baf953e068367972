import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { enrollmentStream, evolveEnrollment, type EnrollmentState } from '@sooc/enrollment-domain';
import type { EventStore } from '@sooc/event-sourcing';
import { eventsUpTo } from '@sooc/graphql';
import { EVENT_STORE } from '@sooc/nest';
import { EnrollmentAsOfArgs } from './enrollment-as-of.args';
import { EnrollmentAsOf } from './enrollment-as-of.type';
import type { ApplicationStatus, LearnerLevel } from './enums';

/** An application's past, from its own stream: "why was this person waitlisted on 3 March?" */
@Resolver(() => EnrollmentAsOf)
export class EnrollmentHistoryResolver {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Query(() => EnrollmentAsOf, {
    nullable: true,
    description:
      "A learner's application as it stood at an instant or a position (status, offer, attendance); null when it did not exist yet. The audit trail says who moved it and why",
  })
  async enrollmentAsOf(@Args() { cohortId, learnerId, at }: EnrollmentAsOfArgs): Promise<EnrollmentAsOf | null> {
    const included = eventsUpTo(at);
    const events = (await this.store.readStream(enrollmentStream(cohortId, learnerId))).filter(included);
    const state = events.reduce<EnrollmentState>((s, e) => evolveEnrollment(s, e as never), { status: 'none' });
    const last = events.at(-1);
    if (!last || state.status === 'none') return null;
    return {
      enrollmentId: state.enrollmentId,
      cohortId: state.cohortId,
      learnerId: state.learnerId,
      companyId: state.dossier.companyId,
      level: state.dossier.level as LearnerLevel,
      name: state.dossier.name,
      email: state.dossier.email,
      motivation: state.dossier.motivation,
      status: state.status as ApplicationStatus,
      offerExpiresAt: state.status === 'offered' ? state.offerExpiresAt : null,
      attendedSessions: Object.values(state.attendance).filter(Boolean).length,
      position: last.position,
      lastChangedAt: last.metadata.occurredAt,
    };
  }
}
