import { FieldProblems, IllegalStateError, isWellFormedId, trimmed } from '@sooc/event-sourcing';
import type { ReplayWebhookDeliveries } from './partner.commands';
import { requireLiveEndpoint, requirePartner } from './partner.error';
import type { PartnerEvent } from './partner.events';
import { requireEndpointId, requirePartnerId } from './partner.rules';
import type { PartnerState } from './partner.state';

const FROM_INVALID = 'WEBHOOK_ENDPOINT.REPLAY_FROM_INVALID';
/** A position of `$all` is an unsigned 64-bit integer, written in decimal. */
const POSITION = /^\d{1,20}$/;
const POSITION_MAX = 2n ** 64n - 1n;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

function isPosition(value: string): boolean {
  return POSITION.test(value) && BigInt(value) <= POSITION_MAX;
}

/** Exactly one starting point: a position, or an instant that is not in the future. Normalised (UTC, no leading zeros). */
function requireFrom(
  problems: FieldProblems,
  data: ReplayWebhookDeliveries['data'],
  now: Date,
): { fromPosition: string | null; fromTime: string | null } {
  const position = data.fromPosition === null || data.fromPosition === undefined ? null : trimmed(data.fromPosition);
  const time = data.fromTime === null || data.fromTime === undefined ? null : trimmed(data.fromTime);
  if ((position === null) === (time === null)) {
    problems.add('fromPosition', FROM_INVALID, 'give exactly one of fromPosition and fromTime');
    return { fromPosition: null, fromTime: null };
  }
  if (position !== null) {
    const ok = problems.require(
      isPosition(position),
      'fromPosition',
      FROM_INVALID,
      'fromPosition must be a position of the event log (an integer from 0 to 2^64-1)',
    );
    return { fromPosition: ok ? BigInt(position).toString() : null, fromTime: null };
  }
  const ms = time !== null && INSTANT.test(time) ? Date.parse(time) : NaN;
  const ok = problems.require(
    !Number.isNaN(ms) && ms <= now.getTime(),
    'fromTime',
    FROM_INVALID,
    'fromTime must be an ISO-8601 instant with an offset, not in the future',
  );
  return { fromPosition: null, fromTime: ok ? new Date(ms).toISOString() : null };
}

/**
 * Asks the feed to re-send an endpoint's messages from a point on. A disabled endpoint may be
 * replayed (the messages wait until it is enabled); a removed one is gone.
 */
export function replayWebhookDeliveries(command: ReplayWebhookDeliveries, state: PartnerState): PartnerEvent[] {
  const { partnerId, endpointId, replayId } = command.data;
  const problems = new FieldProblems();
  requirePartnerId(problems, partnerId);
  requireEndpointId(problems, endpointId);
  const from = requireFrom(problems, command.data, command.metadata.now);
  problems.require(
    isWellFormedId(replayId),
    'replayId',
    'WEBHOOK_ENDPOINT.REPLAY_ID_INVALID',
    'replayId is required, without surrounding blanks',
  );
  problems.throwIfAny('The deliveries cannot be replayed');
  const endpoint = requireLiveEndpoint(requirePartner(state, partnerId), endpointId, 'replay the deliveries of');
  const last = endpoint.lastReplay;
  if (last?.replayId === replayId) {
    // The same request sent again (a client retrying after a timeout): it was recorded already.
    if (last.fromPosition === from.fromPosition && last.fromTime === from.fromTime) return [];
    throw new IllegalStateError(
      'WEBHOOK_ENDPOINT.REPLAY_ID_TAKEN',
      `Replay ${replayId} of webhook endpoint ${endpointId} was requested from another starting point`,
      { partnerId, endpointId, replayId },
    );
  }
  return [{ type: 'WebhookDeliveriesReplayRequested', data: { partnerId, endpointId, ...from, replayId } }];
}
