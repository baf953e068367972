import { loadOrCreateLocalKey, mintLocalToken, type LocalSigningKey, type TokenRequest } from '@sooc/auth';
// The seed writes through the gateway as it ships (validation, sealing, handlers, reactor, projections).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createGateway, loadConfig, type Gateway } from '@sooc/gateway';

export type Persona = TokenRequest;

/** A GraphQL error the seed did not expect: the story stops, naming the operation. */
export class SeedStepError extends Error {
  constructor(
    readonly operation: string,
    readonly errors: readonly { message: string; extensions?: Record<string, unknown> }[],
  ) {
    super(`${operation}: ${errors.map((e) => `${e.extensions?.['code'] ?? 'ERROR'} ${e.message}`).join('; ')}`);
    this.name = 'SeedStepError';
  }
}

interface Answer<T> {
  readonly data?: T | null;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

const QUIET_MS = 150;

/**
 * A private gateway over the stores of the environment, on 127.0.0.1 and a free port, with its
 * workers embedded and a clock the seed moves: the story runs through the real command path and
 * the reactor expires offers as time jumps, as it would over weeks.
 */
export class SeedGateway {
  private readonly tokens = new Map<string, string>();
  private key: LocalSigningKey | null = null;
  private constructor(
    private readonly gateway: Gateway,
    private readonly dataDir: string,
    private time: number,
  ) {}

  /** Writes as an admin unless told who. */
  static async start(env: NodeJS.ProcessEnv, dataDir: string, startAt: number): Promise<SeedGateway> {
    const config = loadConfig({
      ...env,
      SOOC_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      // The seed mints its own tokens with the data directory's key, whatever the real gateway trusts.
      SOOC_AUTH: 'local',
      SOOC_WORKERS: 'embedded',
      SOOC_REACTOR_TICK_MS: '50',
      SOOC_RATE_LIMIT_PER_MINUTE: '0',
      SOOC_RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
      LOG_LEVEL: env['LOG_LEVEL'] ?? 'error',
    });
    const seed: { gateway?: SeedGateway } = {};
    const gateway = await createGateway(config, { clock: { now: () => new Date(seed.gateway?.time ?? startAt) } });
    seed.gateway = new SeedGateway(gateway, dataDir, startAt);
    return seed.gateway;
  }

  get now(): number {
    return this.time;
  }

  headPosition(): Promise<bigint | null> {
    return this.gateway.infrastructure.eventStore.headPosition();
  }

  /** Refused answers come back as errors; only transport failures throw. */
  async attempt<T>(query: string, variables: Record<string, unknown>, as: Persona): Promise<Answer<T>> {
    const response = await fetch(this.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.token(as)}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Answer<T>;
  }

  async gql<T>(query: string, variables: Record<string, unknown>, as: Persona): Promise<T> {
    const answer = await this.attempt<T>(query, variables, as);
    if (answer.errors?.length || !answer.data) throw new SeedStepError(operationOf(query), answer.errors ?? []);
    return answer.data;
  }

  /** Waits until the reactor and the projections have done everything the writes so far caused. */
  async settle(): Promise<void> {
    const store = this.gateway.infrastructure.eventStore;
    let head = await store.headPosition();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
      const now = await store.headPosition();
      if (now === head) break;
      head = now;
    }
    if (head !== null) await this.gateway.infrastructure.readModels.waitForPosition(head, 60_000);
  }

  /** Time jumps forward once everything due before settled; the reactor then acts on what fell due. */
  async moveTo(at: number): Promise<void> {
    if (at < this.time) throw new Error(`the seed's clock only moves forward (${new Date(at).toISOString()})`);
    await this.settle();
    this.time = at;
    await this.settle();
  }

  close(): Promise<void> {
    return this.gateway.close();
  }

  private async token(persona: Persona): Promise<string> {
    const cacheKey = JSON.stringify(persona);
    let token = this.tokens.get(cacheKey);
    if (!token) {
      this.key ??= await loadOrCreateLocalKey(this.dataDir);
      token = await mintLocalToken(this.key, { ...persona, ttlSeconds: 24 * 3600 });
      this.tokens.set(cacheKey, token);
    }
    return token;
  }
}

function operationOf(query: string): string {
  return /\{\s*(\w+)/.exec(query)?.[1] ?? 'GraphQL';
}
