import { PostgresKeyStore } from './postgres.key-store';
import { MemoryKeyStore, type KeyStore } from '@sooc/personal-data';
import { SqliteKeyStore } from './sqlite.key-store';

export const KEY_STORE_URL = /^(memory:|sqlite:.+|postgres(ql)?:\/\/.+)$/;

/**
 * `memory:`, `sqlite:<path>` (its directory must exist) or `postgres://…`; on PostgreSQL a
 * connection or statement unanswered for `answerWithinMs` fails as an outage (0: no bound).
 */
export async function openKeyStore(url: string, { answerWithinMs = 0 } = {}): Promise<KeyStore> {
  if (url === 'memory:') return new MemoryKeyStore();
  if (url.startsWith('sqlite:')) return SqliteKeyStore.open(url.slice('sqlite:'.length).replace(/^\/\//, ''));
  if (/^postgres(ql)?:\/\//.test(url)) return PostgresKeyStore.open(url, answerWithinMs);
  throw new Error(`Key store URL ${JSON.stringify(url)}: expected memory:, sqlite:<path> or postgres://…`);
}
