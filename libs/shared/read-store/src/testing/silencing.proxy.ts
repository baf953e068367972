import { connect, createServer, type Socket } from 'node:net';

/** A TCP proxy in front of a PostgreSQL server that a spec can make fall silent and speak again. */
export interface SilencingProxy {
  /** The server's URL with the proxy's host and port. */
  readonly url: string;
  /** From now on nothing passes either way, as with a frozen host: bytes are held, sockets stay open. */
  silence(): void;
  /** What was held goes on, in order, and so does what follows. */
  speak(): void;
  close(): Promise<void>;
}

/** Starts a proxy on a free loopback port forwarding to the host and port of `serverUrl`. */
export async function startSilencingProxy(serverUrl: string): Promise<SilencingProxy> {
  const target = new URL(serverUrl);
  const pairs = new Set<[Socket, Socket]>();
  const held: (() => void)[] = [];
  let silent = false;
  const forward = (from: Socket, to: Socket) => {
    from.on('data', (chunk) => (silent ? held.push(() => to.write(chunk)) : to.write(chunk)));
    // Either end closing closes the other: a client that gave up ends its server session.
    from.on('close', () => to.destroy());
    from.on('error', () => to.destroy());
  };
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    client.on('close', () => pairs.delete(pair));
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(serverUrl);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as { port: number }).port);
  return {
    url: url.toString(),
    silence: () => {
      silent = true;
    },
    speak: () => {
      silent = false;
      for (const send of held.splice(0)) send();
    },
    close: async () => {
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
