import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createGateway } from './gateway.bootstrap';
import { loadConfig } from './gateway.config';
import { committedSchema, printGatewaySchema } from './gateway.schema';

describe('schema.graphql', () => {
  let printed: string;
  beforeAll(async () => {
    printed = await printGatewaySchema();
  });

  it("is the code's schema (a changed schema shows in review)", () => {
    if (committedSchema() !== printed)
      throw new Error('schema.graphql is out of date: run npm run schema and commit it');
  });

  it('is the schema a running gateway serves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sooc-gateway-schema-'));
    const gateway = await createGateway(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        SOOC_DATA_DIR: dir,
        SOOC_EVENT_STORE_URL: 'memory:',
      }),
    );
    try {
      const served = gateway.app.get(GraphQLSchemaHost).schema;
      expect(`${printSchema(lexicographicSortSchema(served))}\n`).toBe(printed);
    } finally {
      await gateway.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
