/**
 * The ceiling of `submitApplication` in this stack: the bare server of bare-graphql.server.ts
 * (NestJS + ApolloDriver on Fastify, default settings) with one more field, the gateway's own
 * `submitApplication(input: SubmitApplicationInput!)` (the real input classes, their enum and
 * their class-validator rules), whose resolver writes nothing and answers at once. With
 * BARE_VALIDATION=pipe the gateway's global ValidationPipe (createInputValidationPipe) checks the
 * input as it does in the gateway; with BARE_VALIDATION=none GraphQL's own type checks alone.
 * With BARE_WRITE=append the resolver first appends the application's event to a new stream of
 * the real embedded event store (SqliteEventStore in a temp dir: synchronous=FULL, group commit),
 * as the gateway must before it answers; with BARE_WRITE=key it also makes the learner's key in
 * the real key store first (SqliteKeyStore, group-committed fsync), as sealing personal data
 * needs. What it costs beside `{ __typename }` on the same server bounds the ratio the gateway can
 * reach, whatever its command path and its workers cost. With BARE_WRITE=admission it also does
 * the least the rest of an admission needs, as the embedded workers would: after answering, the
 * seat (or the waitlist) appended to the cohort's stream, one append per cohort per turn of the
 * event loop, then the offer (or the waitlisting) appended to each learner's enrollment stream,
 * then the application, the cohort's seat count and the three events' audit entries written on a
 * thread of their own (bare-admission.read-side.ts). Started like the bare server.
 */
import 'reflect-metadata';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_PIPE, NestFactory } from '@nestjs/core';
import { Args, Field, GraphQLModule, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SubmitApplicationInput } from '@sooc/enrollment-api';
import { newEventId, type EventMetadata } from '@sooc/event-sourcing';
import { SqliteEventStore } from '@sooc/event-store';
import { createInputValidationPipe } from '@sooc/graphql';
import { SqliteKeyStore } from '@sooc/key-store';
import { positionKey } from '@sooc/util';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBareReadSide, type BareAdmission } from './bare-admission.read-side';

@ObjectType()
class BareApplication {
  @Field()
  status!: string;
}

@ObjectType()
class BarePayload {
  @Field()
  position!: string;

  @Field(() => BareApplication)
  application!: BareApplication;
}

const write = process.env['BARE_WRITE'] ?? 'none';
const dataDir = mkdtempSync(join(tmpdir(), 'sooc-bare-mutation-'));
const events = write === 'none' ? null : SqliteEventStore.open(join(dataDir, 'events.sqlite'));
const keys = write === 'key' || write === 'admission' ? SqliteKeyStore.open(join(dataDir, 'keys.sqlite')) : null;
const readSide = write === 'admission' ? startBareReadSide(join(dataDir, 'read.sqlite')) : null;

interface Submitted {
  readonly cohortId: string;
  readonly learnerId: string;
  readonly companyId: string | null;
  readonly submittedAt: string;
  readonly event: BareAdmission['events'][number];
}

const CAPACITY = 500;
const submitted: Submitted[] = [];
/** Per cohort: the stream's revision and seats, and the append under way (one at a time per stream). */
const cohorts = new Map<string, { revision: bigint | null; seated: number; turn: Promise<void> }>();

/** What the reactor and the projector would do with this turn's submissions, at the least. */
function react(): void {
  const byCohort = new Map<string, Submitted[]>();
  for (const s of submitted.splice(0)) {
    const batch = byCohort.get(s.cohortId);
    if (batch) batch.push(s);
    else byCohort.set(s.cohortId, [s]);
  }
  for (const [cohortId, batch] of byCohort) {
    const cohort = cohorts.get(cohortId) ?? { revision: null, seated: 0, turn: Promise.resolve() };
    cohorts.set(cohortId, cohort);
    cohort.turn = cohort.turn.then(async () => {
      const seats = batch.map((s) => {
        const status = cohort.seated < CAPACITY ? ('SEATED' as const) : ('WAITLISTED' as const);
        if (status === 'SEATED') cohort.seated++;
        return { ...s, status, id: newEventId(), data: { cohortId, learnerId: s.learnerId, status } };
      });
      const appended = await events!.append(
        `cohort-${cohortId}`,
        seats.map((s) => ({ id: s.id, type: 'SeatDecided', data: s.data, metadata: metadataNow() })),
        { expectedRevision: cohort.revision ?? 'no_stream' },
      );
      cohort.revision = appended.nextExpectedRevision;
      const first = appended.position - BigInt(seats.length - 1);
      // The enrollment records the offer (until it lapses) or the waitlisting, as the domain has
      // it (DESIGN.md §4): one more event on each learner's stream, group-committed together.
      const offers = await Promise.all(
        seats.map(async (s) => {
          const streamId = enrollmentStream(cohortId, s.learnerId);
          const type = s.status === 'SEATED' ? 'SeatOffered' : 'WaitlistingRecorded';
          const data = { enrollmentId: enrollmentId(cohortId, s.learnerId), cohortId, learnerId: s.learnerId };
          const id = newEventId();
          const offered = await events!.append(streamId, [{ id, type, data, metadata: metadataNow() }], {
            expectedRevision: 0n,
          });
          return { position: positionKey(offered.position), id, type, streamId, data: JSON.stringify(data) };
        }),
      );
      readSide!.write(
        seats.map((s, i) => ({
          enrollmentId: enrollmentId(cohortId, s.learnerId),
          cohortId,
          learnerId: s.learnerId,
          companyId: s.companyId,
          status: s.status,
          submittedAt: s.submittedAt,
          events: [
            s.event,
            {
              position: positionKey(first + BigInt(i)),
              id: s.id,
              type: 'SeatDecided',
              streamId: `cohort-${cohortId}`,
              data: JSON.stringify(s.data),
            },
            offers[i],
          ],
        })),
      );
    });
  }
}

const enrollmentId = (cohortId: string, learnerId: string) => `${cohortId}.${learnerId}`;
const enrollmentStream = (cohortId: string, learnerId: string) => `enrollment-${enrollmentId(cohortId, learnerId)}`;

function metadataNow(): EventMetadata {
  return {
    occurredAt: new Date().toISOString(),
    actor: { id: 'bench', role: 'admin' },
    correlationId: newEventId(),
    causationId: null,
    schemaVersion: 3,
  };
}

@Resolver()
class BareResolver {
  @Query(() => String)
  hello(): string {
    return 'world';
  }

  @Mutation(() => BarePayload)
  async submitApplication(@Args('input') input: SubmitApplicationInput): Promise<BarePayload> {
    await keys?.keyFor(input.learnerId);
    const streamId = enrollmentStream(input.cohortId, input.learnerId);
    const id = newEventId();
    const data = { cohortId: input.cohortId, learnerId: input.learnerId, dossier: { ...input.dossier } };
    const metadata = metadataNow();
    const appended = await events?.append(streamId, [{ id, type: 'ApplicationSubmitted', data, metadata }], {
      expectedRevision: 'no_stream',
    });
    if (readSide && appended) {
      if (submitted.length === 0) setImmediate(react);
      const event = { position: positionKey(appended.position), id, type: 'ApplicationSubmitted', streamId };
      const { cohortId, learnerId } = input;
      submitted.push({
        cohortId,
        learnerId,
        companyId: input.dossier.companyId ?? null,
        submittedAt: metadata.occurredAt,
        event: { ...event, data: JSON.stringify(data) },
      });
    }
    return { position: String(appended?.position ?? 0), application: { status: 'SUBMITTED' } };
  }
}

const validation = process.env['BARE_VALIDATION'] ?? 'pipe';

@Module({
  imports: [GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, autoSchemaFile: true })],
  providers: [
    BareResolver,
    ...(validation === 'pipe' ? [{ provide: APP_PIPE, useFactory: createInputValidationPipe }] : []),
  ],
})
class BareMutationModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(BareMutationModule, new FastifyAdapter(), {
    logger: ['fatal', 'error'],
  });
  await app.listen({ port: Number(process.env['PORT'] ?? 0), host: process.env['HOST'] ?? '127.0.0.1', backlog: 4096 });
  const { address, port } = app.getHttpServer().address() as AddressInfo;
  process.stdout.write(`bare graphql ready: http://${address}:${port}/graphql\n`);
  process.once(
    'SIGTERM',
    () =>
      void app
        .close()
        .then(() => Promise.all([...cohorts.values()].map((c) => c.turn)))
        .then(() => readSide?.stop())
        .then(() => Promise.all([events?.close(), keys?.close()]))
        .then(() => rmSync(dataDir, { recursive: true, force: true }))
        .then(() => process.exit(0)),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bare graphql failed to start: ${String(error)}\n`);
  process.exit(1);
});
