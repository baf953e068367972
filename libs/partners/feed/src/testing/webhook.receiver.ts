import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyStandardWebhook } from './standard-webhooks.verifier';

/** What the receiver does with a request, by the moment it arrives. */
export type Behaviour =
  | { readonly kind: 'ok' }
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'slow'; readonly ms: number };

export interface Received {
  readonly id: string;
  readonly body: string;
  readonly type: string;
  readonly subject: string;
  readonly verified: boolean;
  /** The request's headers as JSON, to verify again with another secret. */
  readonly headers: string;
  /** What it answered: a status, or 'gave-up' when the sender hung up before the (slow) answer. */
  readonly answered: number | 'gave-up';
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A partner's receiver on loopback, verifying every signature with the verifier written from the
 * Standard Webhooks specification. `down()` closes its port (connections refused), `up()` opens
 * it again on the same port; `behave` says how it answers meanwhile.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  behaviour: Behaviour = { kind: 'ok' };
  private server: Server | null = null;
  private constructor(
    private readonly secrets: () => readonly string[],
    /** 0 until it first listens; the same port after each down() and up(). */
    private port: number,
  ) {}

  static async start(secrets: () => readonly string[], port = 0): Promise<WebhookReceiver> {
    return new WebhookReceiver(secrets, port).up();
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  async up(): Promise<WebhookReceiver> {
    const server = createServer((request, response) => {
      void bodyOf(request).then(async (body) => {
        const headers = request.headers as Record<string, string | undefined>;
        const verified = this.secrets().some((secret) => verifyStandardWebhook(headers, body, secret).ok);
        const event = JSON.parse(body) as { type: string; subject: string };
        const behaviour = this.behaviour;
        if (behaviour.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, behaviour.ms));
        const status = behaviour.kind === 'status' ? behaviour.status : 200;
        const answered = request.socket.destroyed ? 'gave-up' : status;
        this.received.push({
          id: headers['webhook-id'] ?? '',
          body,
          type: event.type,
          subject: event.subject,
          verified,
          headers: JSON.stringify(headers),
          answered,
        });
        if (answered !== 'gave-up') response.writeHead(status).end('thanks');
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  /** Stops listening: the sender's connections are refused until up(). */
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  /** Each event id answered 2xx, in the order the answers were given. */
  acknowledged(): string[] {
    return this.received.filter((r) => r.answered === 200).map((r) => r.id);
  }
}
