import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { printGatewaySchema, SCHEMA_FILE } from './gateway.schema';

/** `npm run schema`: writes the gateway's schema to schema.graphql, to commit with the change that made it. */
async function main(): Promise<void> {
  const printed = await printGatewaySchema();
  writeFileSync(SCHEMA_FILE, printed);
  process.stdout.write(`${relative(process.cwd(), SCHEMA_FILE)}: ${printed.split('\n').length - 1} lines\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `npm run schema failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
