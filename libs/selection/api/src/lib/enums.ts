import { registerEnumType } from '@nestjs/graphql';
import type { Decision as DomainDecision } from '@sooc/selection-domain';

/** GraphQL names are SCREAMING_CASE; the values are the domain's, so no mapping code is needed. */
export enum Decision {
  ADMIT = 'admit',
  REJECT = 'reject',
  WAITLIST = 'waitlist',
}

/** Fails to compile when the domain gains or loses a decision the enum does not mirror. */
type Mirrors<Values extends string, Domain extends string> = [Values] extends [Domain]
  ? [Domain] extends [Values]
    ? true
    : never
  : never;
export const DECISION_MIRRORS_THE_DOMAIN: Mirrors<`${Decision}`, DomainDecision> = true;

registerEnumType(Decision, {
  name: 'Decision',
  description:
    'ADMIT seats the applicant if their pool has a free seat (or refuses); WAITLIST queues them; REJECT ends the application',
  valuesMap: {
    ADMIT: { description: "Admit: offer a seat of the applicant's pool, refused when none is free" },
    REJECT: { description: 'Reject: the application ends' },
    WAITLIST: { description: 'Waitlist: the applicant is offered a seat when one of their pool frees up' },
  },
});
