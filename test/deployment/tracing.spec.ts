import { randomBytes } from 'node:crypto';
import { startDeployment, type Deployment } from './deployment.harness';
import type { StoreSetup } from './deployment.stores';
import { asHarness, draftCourse, OPEN, planCohort, SUBMIT, submission } from './e2e.documents';
import { dataOf } from './gateway.client';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp.receiver';

/**
 * Issue 16's "must show": one submitApplication, traced by the gateway, the projector and the
 * reactor, each its own process, exporting over OTLP/HTTP in JSON to a receiver this spec runs on
 * the loopback; the trace context travels from the gateway to the workers in the event metadata.
 */
describe.each<StoreSetup>(['sqlite', 'esdb+postgres'])(
  'on %s: one submitApplication traced across the gateway, projector and reactor processes',
  (setup) => {
    let receiver: OtlpReceiver;
    let d: Deployment;

    beforeAll(async () => {
      receiver = await startOtlpReceiver();
      d = await startDeployment(setup, {
        env: {
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
          OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
          // The SDK's batch waits 5 s by default; the spec need not.
          OTEL_BSP_SCHEDULE_DELAY: '200',
        },
      });
    }, 60_000);

    afterAll(async () => {
      await d?.dispose();
      await receiver?.close();
    });

    it('collects the request, GraphQL, command, append, projection and reactor spans in one trace, each under its cause', async () => {
      const courseId = await draftCourse(asHarness(d.a), { selectionPolicy: 'FIRST_COME', prerequisites: [] });
      const cohortId = await planCohort(asHarness(d.a), courseId, { capacity: 5 });
      dataOf(d.a, await d.a.gql(OPEN, { cohortId }));

      // The client's own span: the gateway's request span continues it.
      const traceId = randomBytes(16).toString('hex');
      const clientSpanId = randomBytes(8).toString('hex');
      const answer = await d.a.gql(SUBMIT, submission(cohortId, 'learner-traced'), undefined, {
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
        ['sooc-reactor', 'append'],
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

      const [request, operation, command, append, projection, reaction, reactorAppend] = wanted.map(
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
      expect(reactorAppend!.parentSpanId).toBe(reaction!.spanId);

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
