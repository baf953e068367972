import { resolve } from 'node:path';
import type { GatewayConfig } from './gateway.config';

/**
 * What the gateway says before it opens anything: what runs in this process and where the data
 * is. Credentials in a connection string are masked.
 */
export function startLines(config: GatewayConfig): string[] {
  const runs =
    config.workers === 'embedded'
      ? 'GraphQL API with the projector and the reactor embedded (SOOC_WORKERS=embedded)'
      : 'GraphQL API only; apps/projector and apps/reactor run beside it (SOOC_WORKERS=none)';
  const inDataDir = [config.eventStoreUrl, config.readDbUrl].some(
    (url) => url.startsWith('sqlite:') && url !== 'sqlite::memory:',
  );
  const data =
    `events in ${where(config.eventStoreUrl)}, read models in ${where(config.readDbUrl)}` +
    (inDataDir ? ` (SOOC_DATA_DIR=${config.dataDir})` : '');
  return [runs, data];
}

function where(url: string): string {
  if (url === 'memory:' || url === 'sqlite::memory:') return 'memory (lost at exit)';
  if (url.startsWith('sqlite:')) return resolve(url.slice('sqlite:'.length));
  // esdb://user:password@host… and postgres://user:password@host…
  return url.replace(/^([a-z+]+:\/\/[^:/@]+):[^@/]*@/i, '$1:***@');
}
