/**
 * Run by wal.checkpointer.spec.ts as a separate process (node --conditions=@sooc/source -r
 * tools/ts-register.cjs): opens the read database at argv[2] with background checkpoints, writes,
 * closes it with nothing else keeping the process alive, then prints what a service prints after
 * its stores closed (the projector's "stopped at position").
 */
import { sql } from 'kysely';
import { openReadDatabase } from '../lib/read-database';

async function main(): Promise<void> {
  const read = openReadDatabase(`sqlite:${process.argv[2]}`, { backgroundCheckpoints: true });
  await sql`CREATE TABLE rows (id INTEGER PRIMARY KEY)`.execute(read.db);
  await sql`INSERT INTO rows (id) VALUES (1)`.execute(read.db);
  await read.close();
  console.log('closed');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
