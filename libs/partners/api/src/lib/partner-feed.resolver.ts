import { Inject } from '@nestjs/common';
import { Args, Query, Resolver, Subscription } from '@nestjs/graphql';
import type { Principal } from '@sooc/auth';
import { ForbiddenError, NotFoundError, ValidationError } from '@sooc/event-sourcing';
import { CommandRunner, READ_DB, READ_MODEL_SYNC, RequestContext, type ReadModelSync } from '@sooc/nest';
import type { PartnerCloudEvent } from '@sooc/partners-domain';
import {
  endpointKey,
  partnerFeed,
  partnerFeedProjection,
  webhookDeliveries,
  type PartnerFeedEntry,
  type PartnersReadDb,
} from '@sooc/partners-read-models';
import { Signal } from '@sooc/timing';
import { decodePositionCursor, encodePositionCursor } from '@sooc/util';
import { requireOwnPartner } from './own-partner.policy';
import {
  PartnerEvent,
  PartnerEventConnection,
  PartnerEventEdge,
  PartnerEventsArgs,
  PartnerFeedArgs,
  WebhookDeliveriesArgs,
  WebhookDeliveryLog,
} from './partner-event.type';

const CURSOR = 'pe:';
const STREAM_PAGE = 200;

const edgeOf = (entry: PartnerFeedEntry): PartnerEventEdge => ({
  cursor: encodePositionCursor(CURSOR, entry.position),
  node: nodeOf(entry.event),
});
const nodeOf = (event: PartnerCloudEvent): PartnerEvent => ({
  ...event,
  subject: event.subject ?? null,
  data: { ...event.data },
});

/**
 * A partner company's feed read back: the same scoped CloudEvents as its webhooks, as a page
 * (`partnerEvents`) or live (`partnerEventStream`), and each endpoint's delivery log.
 */
@Resolver(() => PartnerEvent)
export class PartnerFeedResolver {
  constructor(
    @Inject(READ_DB) private readonly db: PartnersReadDb,
    @Inject(READ_MODEL_SYNC) private readonly sync: ReadModelSync,
    private readonly commands: CommandRunner,
  ) {}

  @Query(() => PartnerEventConnection, {
    description:
      'A partner company’s feed, oldest first: its employees’ applications (each named only with the learner’s consent) and the milestones of their cohorts. Resume with `after` = the last cursor seen',
  })
  async partnerEvents(@Args() args: PartnerEventsArgs): Promise<PartnerEventConnection> {
    const companyId = companyOf(RequestContext.current().principal, args.companyId ?? null);
    const page = await partnerFeed(this.db, {
      companyId,
      after: positionOf(args.after ?? null),
      first: args.first + 1,
    });
    const edges = page.slice(0, args.first).map(edgeOf);
    return {
      edges,
      pageInfo: {
        hasNextPage: page.length > args.first,
        hasPreviousPage: Boolean(args.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? args.after ?? null,
      },
    };
  }

  @Subscription(() => PartnerEventEdge, {
    description:
      'The feed from `after` (omit it for the whole history), then live as events happen: no gap and no duplicate at the switch, since both read the feed by its cursor. Served over graphql-ws only',
    resolve: (edge: PartnerEventEdge) => edge,
  })
  partnerEventStream(@Args() args: PartnerFeedArgs): AsyncIterableIterator<PartnerEventEdge> {
    const companyId = companyOf(RequestContext.current().principal, args.companyId ?? null);
    return this.stream(companyId, positionOf(args.after ?? null));
  }

  @Query(() => WebhookDeliveryLog, {
    description:
      'An endpoint’s delivery log, newest first: each message with its attempts (time, HTTP status or error, latency, the first bytes of the answer), its next attempt or its final state',
  })
  async webhookDeliveries(@Args() args: WebhookDeliveriesArgs): Promise<WebhookDeliveryLog> {
    // A partner learns nothing of another partner's endpoints, existing or not.
    await requireOwnPartner(this.commands, RequestContext.current().principal, args.partnerId, 'webhookDeliveries');
    const key = endpointKey(args.partnerId, args.endpointId);
    const endpoint = await this.db
      .selectFrom('webhook_endpoints')
      .select('endpoint_key')
      .where('endpoint_key', '=', key)
      .executeTakeFirst();
    if (!endpoint)
      throw new NotFoundError(
        'WEBHOOK_ENDPOINT.NOT_FOUND',
        `Partner ${args.partnerId} has no webhook endpoint ${args.endpointId}`,
      );
    const page = await webhookDeliveries(this.db, {
      endpointKey: key,
      first: args.first,
      after: args.after ?? null,
      ...(args.status ? { status: args.status } : {}),
    });
    return {
      nodes: page.deliveries.map(({ message, attempts }) => ({
        eventId: message.event_id,
        position: BigInt(message.position),
        type: message.type,
        cohortId: message.cohort_id,
        generation: message.generation,
        status: message.status,
        nextAttemptAt: message.next_attempt_at,
        deliveredAt: message.delivered_at,
        attempts: attempts.map((a) => ({
          attempt: a.attempt,
          at: a.at,
          statusCode: a.status_code,
          error: a.error,
          latencyMs: a.latency_ms,
          response: a.response,
        })),
      })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: Boolean(args.after),
        startCursor: null,
        endCursor: page.endCursor,
      },
    };
  }

  /** Reads the feed after the cursor; once at its end, waits for the feed projection's next commit. */
  private async *stream(companyId: string, after: string | null): AsyncGenerator<PartnerEventEdge> {
    const committed = new Signal();
    const stop = this.sync.onCommitted((change) => {
      if (change.projection === partnerFeedProjection.name) committed.fire();
    });
    let cursor = after;
    try {
      for (;;) {
        // Taken before the read: a commit landing during it wakes the wait below at once.
        const seen = committed.version;
        const page = await partnerFeed(this.db, { companyId, after: cursor, first: STREAM_PAGE });
        for (const entry of page) {
          cursor = entry.position;
          yield edgeOf(entry);
        }
        if (page.length < STREAM_PAGE) await committed.sleep(Number.POSITIVE_INFINITY, seen);
      }
    } finally {
      stop();
    }
  }
}

/** The company whose feed the caller reads: a partner its own, an admin the one named. */
function companyOf(principal: Principal, companyId: string | null): string {
  if (principal.role === 'partner') {
    if (principal.companyId === null || (companyId !== null && companyId !== principal.companyId))
      throw new ForbiddenError('FORBIDDEN', 'A partner reads its own company’s feed only');
    return principal.companyId;
  }
  if (companyId === null)
    throw new ValidationError('PARTNER.COMPANY_REQUIRED', 'Name the company whose feed to read', [
      { field: 'companyId', message: 'companyId is required for this role' },
    ]);
  return companyId;
}

function positionOf(after: string | null): string | null {
  if (after === null) return null;
  const position = decodePositionCursor(CURSOR, after);
  if (position === null)
    throw new ValidationError('PARTNER.CURSOR_INVALID', 'The cursor was not given by this feed', [
      { field: 'after', message: 'after must be a cursor this feed returned' },
    ]);
  return position;
}
