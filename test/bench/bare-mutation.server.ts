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
 * reach, whatever its command path and its workers cost. Started like the bare server.
 */
import 'reflect-metadata';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_PIPE, NestFactory } from '@nestjs/core';
import { Args, Field, GraphQLModule, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SubmitApplicationInput } from '@sooc/enrollment-api';
import { newEventId } from '@sooc/event-sourcing';
import { SqliteEventStore } from '@sooc/event-store';
import { createInputValidationPipe } from '@sooc/graphql';
import { SqliteKeyStore } from '@sooc/key-store';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
const keys = write === 'key' ? SqliteKeyStore.open(join(dataDir, 'keys.sqlite')) : null;

@Resolver()
class BareResolver {
  @Query(() => String)
  hello(): string {
    return 'world';
  }

  @Mutation(() => BarePayload)
  async submitApplication(@Args('input') input: SubmitApplicationInput): Promise<BarePayload> {
    await keys?.keyFor(input.learnerId);
    const appended = await events?.append(
      `enrollment-${input.cohortId}.${input.learnerId}`,
      [
        {
          id: newEventId(),
          type: 'ApplicationSubmitted',
          data: { cohortId: input.cohortId, learnerId: input.learnerId, dossier: { ...input.dossier } },
          metadata: {
            occurredAt: new Date().toISOString(),
            actor: { id: 'bench', role: 'admin' },
            correlationId: newEventId(),
            causationId: null,
            schemaVersion: 3,
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
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
        .then(() => Promise.all([events?.close(), keys?.close()]))
        .then(() => rmSync(dataDir, { recursive: true, force: true }))
        .then(() => process.exit(0)),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bare graphql failed to start: ${String(error)}\n`);
  process.exit(1);
});
