import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MODULE_METADATA } from '@nestjs/common/constants';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { CohortsApiModule } from '@sooc/cohorts-api';
import { ComplianceApiModule } from '@sooc/compliance-api';
import { EnrollmentApiModule } from '@sooc/enrollment-api';
import { PartnersApiModule } from '@sooc/partners-api';
import { SelectionApiModule } from '@sooc/selection-api';
import { describeRootTypes, NodeModule, withIdempotencyKeys } from '@sooc/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';

/** The modules whose resolvers make the gateway's schema: GatewayModule imports exactly these. */
export const GATEWAY_API_MODULES: readonly Type[] = [
  NodeModule,
  CohortsApiModule,
  EnrollmentApiModule,
  SelectionApiModule,
  ComplianceApiModule,
  PartnersApiModule,
];

/** `schema.graphql` at the repository root: the schema as committed, for review and the description lint. */
export const SCHEMA_FILE = resolve(__dirname, '../../../schema.graphql');

/**
 * The schema the gateway serves, built as GraphQLModule builds it (`autoSchemaFile: true`,
 * `sortSchema: true`, its `transformSchema`) from the providers of its API modules, without opening a store: Nest's
 * factory keeps the classes that carry resolver metadata, as it does for the gateway.
 */
export async function printGatewaySchema(): Promise<string> {
  const providers = GATEWAY_API_MODULES.flatMap(
    (module) => (Reflect.getMetadata(MODULE_METADATA.PROVIDERS, module) ?? []) as unknown[],
  ).filter((provider): provider is Type => typeof provider === 'function');
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const schema = withIdempotencyKeys(describeRootTypes(await app.get(GraphQLSchemaFactory).create(providers)));
    return `${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await app.close();
  }
}

export function committedSchema(): string | null {
  try {
    return readFileSync(SCHEMA_FILE, 'utf8');
  } catch {
    return null;
  }
}
