import { openDeploymentStores, type DeploymentStores, type StoreSetup } from './deployment.stores';
import { gatewayClient, type GatewayClient } from './gateway.client';
import { startService, waitUntilReady, type Exit, type ServiceProcess } from './service.process';

/** Start-up of four processes compiling the sources through swc, on a busy machine. */
const READY_WITHIN_MS = 45_000;

/** Two gateways without workers, the projector and the reactor, each its own OS process, on shared stores. */
export interface Deployment {
  readonly stores: DeploymentStores;
  readonly a: GatewayClient;
  readonly b: GatewayClient;
  readonly services: readonly ServiceProcess[];
  /** "projector", "reactor", "gateway A", "gateway B" (and "partner-feed" when asked for). */
  service(name: string): ServiceProcess;
  /** Which processes still run, and the output of any that stopped: for failure messages. */
  status(): string;
  /** SIGTERMs every process at once; resolves to each one's exit, by name. */
  stop(): Promise<Record<string, Exit>>;
  /** SIGKILLs what is still running (a failed test), then removes the stores. */
  dispose(): Promise<void>;
}

/**
 * The separate-processes deployment of docs/DEPLOYMENT.md: the gateways run with SOOC_WORKERS=none, so the
 * only projector and reactor are the separate ones, and every gateway follows the read models
 * they write. All four start at once, as a supervisor would start them. `env` goes to all four
 * (the OTEL_* variables of the tracing spec).
 */
export async function startDeployment(
  setup: StoreSetup,
  {
    env: extraEnv = {},
    readDbUrl,
    partnerFeed = false,
  }: {
    readonly env?: Record<string, string>;
    readonly readDbUrl?: string;
    /** Also apps/partner-feed, the webhook delivery worker, as its own process. */
    readonly partnerFeed?: boolean;
  } = {},
): Promise<Deployment> {
  const stores = await openDeploymentStores(setup, { readDbUrl });
  // One admin token sends every request of the specs (and of the bench): no rate limit in the way.
  const gatewayEnv = {
    ...stores.env,
    ...extraEnv,
    SOOC_WORKERS: 'none',
    LOG_LEVEL: 'warn',
    SOOC_RATE_LIMIT_PER_MINUTE: '10000000',
    SOOC_RATE_LIMIT_ANONYMOUS_PER_MINUTE: '10000000',
    ...extraEnv,
  };
  const services = [
    startService('gateway', 'gateway A', gatewayEnv),
    startService('gateway', 'gateway B', gatewayEnv),
    startService('projector', 'projector', {
      ...stores.env,
      ...extraEnv,
      SOOC_INSTANCE_ID: 'projector-1',
      LOG_LEVEL: 'info',
    }),
    startService('reactor', 'reactor', {
      ...stores.env,
      ...extraEnv,
      SOOC_INSTANCE_ID: 'reactor-1',
      LOG_LEVEL: 'info',
    }),
    ...(partnerFeed
      ? [
          startService('partner-feed', 'partner-feed', {
            ...stores.env,
            ...extraEnv,
            SOOC_INSTANCE_ID: 'partner-feed-1',
            LOG_LEVEL: 'info',
          }),
        ]
      : []),
  ];
  const dispose = async () => {
    for (const s of services) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    await Promise.all(services.map((s) => s.exited));
    await stores.dispose();
  };
  try {
    await Promise.all(services.map((s) => waitUntilReady(s, READY_WITHIN_MS)));
    const [a, b] = await Promise.all([services[0].baseUrl(), services[1].baseUrl()]);
    return {
      stores,
      a: gatewayClient('gateway A', a, stores.dataDir),
      b: gatewayClient('gateway B', b, stores.dataDir),
      services,
      service(name) {
        const found = services.find((s) => s.name === name);
        if (!found) throw new Error(`no service named ${name}`);
        return found;
      },
      status: () => services.map(describeService).join('\n'),
      async stop() {
        const exits = await Promise.all(services.map((s) => s.stop()));
        return Object.fromEntries(services.map((s, i) => [s.name, exits[i]]));
      },
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

function describeService(service: ServiceProcess): string {
  const { exitCode, signalCode } = service.child;
  if (exitCode === null && signalCode === null) return `${service.name}: running`;
  return `${service.name}: exited (${signalCode ?? `code ${exitCode}`})\n  stdout: ${service.stdout().slice(-1500)}\n  stderr: ${service.stderr().slice(-1500)}`;
}
