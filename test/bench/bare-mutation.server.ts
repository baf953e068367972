/**
 * The ceiling of `submitApplication` in this stack: the bare server of bare-graphql.server.ts
 * (NestJS + ApolloDriver on Fastify, default settings) with one more field, the gateway's own
 * `submitApplication(input: SubmitApplicationInput!)` (the real input classes, their enum and
 * their class-validator rules), whose resolver writes nothing and answers at once. With
 * BARE_VALIDATION=pipe the gateway's global ValidationPipe (createInputValidationPipe) checks the
 * input as it does in the gateway; with BARE_VALIDATION=none GraphQL's own type checks alone.
 * What it costs beside `{ __typename }` on the same server bounds the ratio the gateway can reach,
 * whatever its store, its command path and its workers cost. Started like the bare server.
 */
import 'reflect-metadata';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_PIPE, NestFactory } from '@nestjs/core';
import { Args, Field, GraphQLModule, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SubmitApplicationInput } from '@sooc/enrollment-api';
import { createInputValidationPipe } from '@sooc/graphql';
import type { AddressInfo } from 'node:net';

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

let written = 0;

@Resolver()
class BareResolver {
  @Query(() => String)
  hello(): string {
    return 'world';
  }

  @Mutation(() => BarePayload)
  submitApplication(@Args('input') input: SubmitApplicationInput): BarePayload {
    written += input.learnerId.length > 0 ? 1 : 0;
    return { position: String(written), application: { status: 'SUBMITTED' } };
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
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`bare graphql failed to start: ${String(error)}\n`);
  process.exit(1);
});
