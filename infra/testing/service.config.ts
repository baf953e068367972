import type { Env } from '@sooc/runtime';
// The spec checks the deployment files against the processes' own config loaders, so it imports
// them from the apps (the projector has no index; the reactor's may shrink to its config).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadConfig } from '../../apps/gateway/src/gateway.config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadProjectorConfig } from '../../apps/projector/src/projector.config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadReactorConfig } from '../../apps/reactor/src/reactor.config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadPartnerFeedConfig } from '../../apps/partner-feed/src/partner-feed.config';

export type App = 'gateway' | 'projector' | 'reactor' | 'partner-feed';
export const APPS: readonly App[] = ['gateway', 'projector', 'reactor', 'partner-feed'];

const LOADERS: Record<App, (env: Env) => unknown> = {
  gateway: loadConfig,
  projector: loadProjectorConfig,
  reactor: loadReactorConfig,
  'partner-feed': loadPartnerFeedConfig,
};

/** What the paths the processes serve are (apps/gateway's HealthController, @sooc/runtime's worker HTTP). */
export const LIVENESS_PATH = '/health/live';
export const READINESS_PATH = '/health/ready';
export const METRICS_PATH = '/metrics';

export interface Loaded {
  readonly config: unknown;
  /** Variables the service is given that its loader never looks at: misspelt, renamed or meant for another service. */
  readonly unread: readonly string[];
}

/** What the image sets for every process (the Dockerfile's runtime ENV), so production's rules apply. */
const IMAGE_ENV: Readonly<Record<string, string>> = { NODE_ENV: 'production' };

/** Runs the app's real loader on `env` as the image runs it (a ConfigError names every refused variable) and notes what it read. */
export function loadServiceConfig(app: App, env: Readonly<Record<string, string>>): Loaded {
  const read = new Set<string>();
  const watched = new Proxy(
    { ...IMAGE_ENV, ...env },
    {
      get: (target, name) => {
        if (typeof name === 'string') read.add(name);
        return Reflect.get(target, name);
      },
    },
  );
  const config = LOADERS[app](watched);
  return { config, unread: Object.keys(env).filter((name) => !read.has(name)) };
}

/** `node apps/<app>/dist/main.js` → the app; anything else → null. */
export function appOfCommand(command: readonly string[] | undefined): App | null {
  if (!command || command[0] !== 'node' || command.length !== 2) return null;
  const app = /^apps\/([a-z-]+)\/dist\/main\.js$/.exec(command[1])?.[1];
  return APPS.find((a) => a === app) ?? null;
}
