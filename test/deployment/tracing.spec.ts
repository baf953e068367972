import { randomBytes } from 'node:crypto';
import { WebhookReceiver } from '@sooc/partners-feed/testing';
import { startDeployment, type Deployment } from './deployment.harness';
import type { StoreSetup } from './deployment.stores';
import { asHarness, draftCourse, OPEN, planCohort, SUBMIT, submission } from './e2e.documents';
import { dataOf } from './gateway.client';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp.receiver';

/**
 * Issue 16's "must show": one submitApplication, traced by the gateway, the projector, the
 * reactor and the webhook delivery worker, each its own process, exporting over OTLP/HTTP in JSON
 * (and, once more, in the SDK's default protobuf) to a receiver this spec runs on the loopback;
 * the trace context travels from the gateway to the workers in the event metadata, and on to the
 * partner's webhook through the feed.
 */
const REGISTER_PARTNER = `mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { position } }`;
const ADD_ENDPOINT = `mutation($input: AddWebhookEndpointInput!) { addWebhookEndpoint(input: $input) { secret } }`;

describe.each<[StoreSetup, 'json' | 'protobuf']>([
  ['sqlite', 'json'],
  ['esdb+postgres', 'json'],
  // The SDK's default protocol, as an operator gets it from OTEL_EXPORTER_OTLP_ENDPOINT alone.
  ['sqlite', 'protobuf'],
])(
  'on %s, exporting %s: one submitApplication traced across the gateway, projector, reactor and partner-feed processes',
  (setup, protocol) => {
    let receiver: OtlpReceiver;
    let webhooks: WebhookReceiver;
    let secret = '';
    let d: Deployment;

    beforeAll(async () => {
      receiver = await startOtlpReceiver(protocol);
      webhooks = await WebhookReceiver.start(() => [secret]);
      d = await startDeployment(setup, {
        partnerFeed: true,
        env: {
          SOOC_WEBHOOK_ALLOW_PRIVATE: 'true',
          SOOC_WEBHOOK_TICK_MS: '50',
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
          ...(protocol === 'json' ? { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' } : {}),
          // The SDK's batch waits 5 s by default; the spec need not.
          OTEL_BSP_SCHEDULE_DELAY: '200',
        },
      });
    }, 60_000);

    afterAll(async () => {
      await d?.dispose();
      await receiver?.close();
      await webhooks?.down();
    });

    it('collects the request, GraphQL, command, append, projection, reaction and webhook delivery spans in one trace, each under its cause', async () => {
      dataOf(
        d.a,
        await d.a.gql(REGISTER_PARTNER, {
          input: { partnerId: 'acme', companyId: 'acme', name: 'Acme', contact: 'hr@acme.example' },
        }),
      );
      const added = dataOf<{ addWebhookEndpoint: { secret: string } }>(
        d.a,
        await d.a.gql(ADD_ENDPOINT, { input: { partnerId: 'acme', url: webhooks.url, description: 'HR system' } }),
      );
      secret = added.addWebhookEndpoint.secret;
      const courseId = await draftCourse(asHarness(d.a), { selectionPolicy: 'FIRST_COME', prerequisites: [] });
      const cohortId = await planCohort(asHarness(d.a), courseId, { capacity: 5 });
      dataOf(d.a, await d.a.gql(OPEN, { cohortId }));

      // The client's own span: the gateway's request span continues it.
      const traceId = randomBytes(16).toString('hex');
      const clientSpanId = randomBytes(8).toString('hex');
      const answer = await d.a.gql(SUBMIT, submission(cohortId, 'learner-traced', 'acme'), undefined, {
        traceparent: `00-${traceId}-${clientSpanId}-01`,
      });
      expect(answer.errors).toBeUndefined();

      const inTrace = () => receiver.spans().filter((s) => s.traceId === traceId);
      const find = (service: string, name: string | RegExp) =>
        inTrace().find(
          (s) => s.service === service && (typeof name === 'string' ? s.name === name : name.test(s.name)),
        );
      const wanted: [string, string | RegExp][] = [
        ['sooc-gateway', 'POST /graphql'],
        ['sooc-gateway', 'graphql mutation Submit'],
        ['sooc-gateway', 'command SubmitApplication'],
        ['sooc-gateway', 'append'],
        ['sooc-projector', 'projection batch'],
        ['sooc-reactor', /^reaction ApplicationSubmitted → /],
        ['sooc-partner-feed', 'webhook delivery'],
      ];
      const deadline = Date.now() + 30_000;
      while (wanted.some(([service, name]) => !find(service, name))) {
        if (Date.now() > deadline)
          throw new Error(
            `spans missing from trace ${traceId}; received:\n${inTrace()
              .map((s) => `${s.service} ${s.name}`)
              .join('\n')}\n${d.status()}`,
          );
        await new Promise((r) => setTimeout(r, 100));
      }

      const [request, operation, command, append, projection, reaction] = wanted.map(
        ([service, name]) => find(service, name) as ReceivedSpan,
      );
      // Each span under the one that caused it, across three processes.
      expect(request!.parentSpanId).toBe(clientSpanId);
      expect(operation!.parentSpanId).toBe(request!.spanId);
      expect(command!.parentSpanId).toBe(operation!.spanId);
      expect(append!.parentSpanId).toBe(command!.spanId);
      // The workers continue the traceparent the command stamped on its events.
      expect(projection!.parentSpanId).toBe(command!.spanId);
      expect(reaction!.parentSpanId).toBe(command!.spanId);
      // The reactor's append, batched per stream, is recorded on the reaction's span.
      expect(reaction!.attributes).toMatchObject({
        'sooc.events_written': expect.any(Number),
        'sooc.batch.commands': expect.any(Number),
        'sooc.position': expect.stringMatching(/^\d+$/),
      });
      expect(reaction!.attributes['sooc.events_written']).toBeGreaterThan(0);
      // The partner's webhook, sent by a fourth process from the feed, under the command that wrote the event.
      const submittedDelivery = inTrace().find(
        (s) =>
          s.service === 'sooc-partner-feed' &&
          s.name === 'webhook delivery' &&
          /application-submitted/.test(String(s.attributes['sooc.event.type'])),
      );
      expect(submittedDelivery?.parentSpanId).toBe(command!.spanId);
      expect(submittedDelivery?.attributes).toMatchObject({
        'sooc.partner': 'acme',
        'http.response.status_code': 200,
      });
      expect(webhooks.acknowledged()).toContain(submittedDelivery!.attributes['sooc.event.id']);

      expect(command!.attributes).toMatchObject({
        'sooc.stream': expect.stringMatching(/^enrollment-/),
        'sooc.retries': 0,
        'sooc.expected_revision': 'no_stream',
      });
      expect(append!.attributes).toMatchObject({ 'sooc.events': 1, 'sooc.expected_revision': 'no_stream' });
      expect(request!.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.response.status_code': 200 });
    }, 90_000);
  },
);
