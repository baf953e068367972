/**
 * The yardstick of the gateway's trivial query: NestJS + Apollo on Fastify with the versions and
 * the driver the gateway uses (@nestjs/graphql, @nestjs/apollo's ApolloDriver,
 * @nestjs/platform-fastify, @as-integrations/fastify), default settings, a code-first schema of
 * one Query field and one resolver. Started by the admission benches as its own OS process
 * (`startBareGraphQL` in admission.workload.ts): PORT (0: any free port) and HOST from the
 * environment; prints `bare graphql ready: <url>` once it listens, stops on SIGTERM.
 */
import 'reflect-metadata';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule, Query, Resolver } from '@nestjs/graphql';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';

@Resolver()
class HelloResolver {
  @Query(() => String)
  hello(): string {
    return 'world';
  }
}

@Module({
  imports: [GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, autoSchemaFile: true })],
  providers: [HelloResolver],
})
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(BareModule, new FastifyAdapter(), {
    logger: ['fatal', 'error'],
  });
  // The gateway's backlog, so a burst of connections is accepted the same way.
  await app.listen({ port: Number(process.env['PORT'] ?? 0), host: process.env['HOST'] ?? '127.0.0.1', backlog: 4096 });
  const { address, port } = app.getHttpServer().address() as AddressInfo;
  process.stdout.write(`bare graphql ready: http://${address}:${port}/graphql\n`);
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`bare graphql failed to start: ${String(error)}\n`);
  process.exit(1);
});
