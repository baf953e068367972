import { createServer, type Server, type Socket } from 'node:net';
import { sql } from 'kysely';
import { Client } from 'pg';
import { unavailableStore } from '@sooc/event-sourcing';
import { createTestDatabase, dropTestDatabase, startSilencingProxy, type SilencingProxy } from '../testing';
import { openReadDatabase, type ReadDatabase } from './read-database';

const BOUND_MS = 500;
/** Far past the bound: a call still unanswered then has hung. */
const HUNG_AFTER_MS = 10_000;

function outcome<T>(call: Promise<T>): Promise<{ value: T } | { error: unknown } | 'hung'> {
  const hung = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), HUNG_AFTER_MS).unref());
  return Promise.race([
    call.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    ),
    hung,
  ]);
}

describe('a PostgreSQL read database bounded by answerWithin', () => {
  it('fails as the read database being out of reach when the server takes connections and never answers', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const read = openReadDatabase(`postgres://sooc:sooc@127.0.0.1:${port}/sooc`);
    read.answerWithin!(BOUND_MS);
    try {
      const result = await outcome(sql`select 1`.execute(read.db));
      expect(result).toHaveProperty('error');
      expect(unavailableStore((result as { error: unknown }).error)).toBe('read database');
    } finally {
      await read.close().catch(() => undefined);
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 20_000);

  describe('when the server falls silent mid-transaction, then answers again', () => {
    let url: string;
    let proxy: SilencingProxy;
    let read: ReadDatabase;

    beforeAll(async () => {
      url = await createTestDatabase('answer_bound');
      proxy = await startSilencingProxy(url);
      read = openReadDatabase(proxy.url);
      await sql`create table notes (id int primary key)`.execute(read.db);
      read.answerWithin!(BOUND_MS);
    });

    afterAll(async () => {
      await read?.close();
      await proxy?.close();
      await dropTestDatabase(url);
    });

    it('fails the statement as an outage instead of waiting, and commits nothing of the transaction', async () => {
      const transaction = read.db.transaction().execute(async (trx) => {
        await sql`insert into notes values (1)`.execute(trx);
        proxy.silence();
        await sql`insert into notes values (2)`.execute(trx);
      });
      const result = await outcome(transaction);
      proxy.speak();
      expect(result).toHaveProperty('error');
      expect(unavailableStore((result as { error: unknown }).error)).toBe('read database');

      // Straight to the server, past the proxy: what anyone else sees.
      const direct = new Client({ connectionString: url });
      await direct.connect();
      try {
        expect((await direct.query('select id from notes')).rows).toEqual([]);
      } finally {
        await direct.end();
      }
    }, 20_000);

    it('serves the next statements on a fresh connection: nothing runs inside the abandoned transaction', async () => {
      await sql`insert into notes values (3)`.execute(read.db);
      const direct = new Client({ connectionString: url });
      await direct.connect();
      try {
        expect((await direct.query('select id from notes order by id')).rows).toEqual([{ id: 3 }]);
      } finally {
        await direct.end();
      }
    });
  });
});
