import type { ErasureResult, KeyStore, SubjectStatus } from './key.store';
import { newSubjectKey, type SubjectKey } from './sealed-text';

/** For `memory:` stores (tests, demos): the keys live as long as the events do. */
export class MemoryKeyStore implements KeyStore {
  private readonly bySubject = new Map<string, SubjectKey>();
  private readonly byId = new Map<string, Buffer>();
  private readonly erased = new Map<string, string>();

  async keyFor(subject: string): Promise<SubjectKey> {
    let key = this.bySubject.get(subject);
    if (!key) {
      key = newSubjectKey();
      this.bySubject.set(subject, key);
      this.byId.set(key.keyId, key.key);
    }
    return key;
  }

  async keys(keyIds: readonly string[]): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>();
    for (const id of keyIds) {
      const key = this.byId.get(id);
      if (key) found.set(id, key);
    }
    return found;
  }

  async statusOf(subject: string): Promise<SubjectStatus> {
    if (this.bySubject.has(subject)) return 'active';
    return this.erased.has(subject) ? 'erased' : 'unknown';
  }

  async erase(subject: string, at: Date): Promise<ErasureResult> {
    const key = this.bySubject.get(subject);
    if (!key) return { keysDeleted: 0, status: this.erased.has(subject) ? 'erased' : 'unknown' };
    key.key.fill(0);
    this.bySubject.delete(subject);
    this.byId.delete(key.keyId);
    this.erased.set(subject, at.toISOString());
    return { keysDeleted: 1, status: 'erased' };
  }

  async close(): Promise<void> {
    // Nothing to release: the keys go with the process.
  }
}
