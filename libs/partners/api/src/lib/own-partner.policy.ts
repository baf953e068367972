import type { Principal } from '@sooc/auth';
import { ForbiddenError } from '@sooc/event-sourcing';
import { partnerDecider, partnerStream } from '@sooc/partners-domain';
import type { CommandRunner } from '@sooc/nest';

/**
 * A `partner` token acts on the partner registered for its company, and no other. The gateway's
 * policy table lets the role in (it sees the token and the arguments, not which company a
 * partner speaks for); this check reads the partner's own stream, through the command path's
 * cache, before the command runs. A partner that does not exist and one of another company are
 * refused alike, so a token cannot probe which partners exist. Checking before the command is
 * safe against races: a partner's company is set once, by its registration, and never changes.
 */
export async function requireOwnPartner(
  commands: CommandRunner,
  principal: Principal,
  partnerId: string,
  operation: string,
): Promise<void> {
  if (principal.role === 'admin') return;
  const state = await commands.load(partnerDecider, partnerStream(partnerId));
  const own =
    principal.role === 'partner' &&
    principal.companyId !== null &&
    state.status !== 'none' &&
    state.companyId === principal.companyId;
  if (!own)
    // The words and code of the gateway's own refusal: the two must not be told apart.
    throw new ForbiddenError(
      'FORBIDDEN',
      `${operation} is not allowed for role "${principal.role}" with these arguments`,
    );
}
