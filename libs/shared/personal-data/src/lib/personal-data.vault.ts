import { ERASED, type PersonalDataDeclaration } from '@sooc/event-sourcing';
import type { KeyStore } from './key.store';
import { looksSealed, seal, sealedKeyId, unseal } from './sealed-text';

type Json = unknown;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path, and a setter on a copy made along the way. */
function updateAt(data: Record<string, unknown>, path: readonly string[], update: (value: unknown) => unknown): void {
  const [head, ...rest] = path;
  if (!(head in data)) return;
  if (rest.length === 0) data[head] = update(data[head]);
  else if (isObject(data[head])) {
    const child = { ...data[head] };
    data[head] = child;
    updateAt(child, rest, update);
  }
}

/**
 * Seals the personal fields of events with their subject's key on the way into the store, and
 * opens sealed values on the way out to a reader who may see them. Opening is the edge's job
 * (GraphQL responses, exports), never a projection's: read models hold sealed values only, so
 * deleting a key erases every copy at once, rebuilds included.
 */
export class PersonalDataVault {
  private readonly declarations = new Map<string, PersonalDataDeclaration>();

  constructor(
    readonly keys: KeyStore,
    declarations: readonly PersonalDataDeclaration[],
  ) {
    for (const d of declarations) this.declarations.set(d.type, d);
  }

  /** Whether an event of this type stored at this version holds its personal data in clear. */
  writtenInClear(type: string, storedVersion: number): boolean {
    const declaration = this.declarations.get(type);
    return declaration !== undefined && storedVersion < declaration.sealedSince;
  }

  /** The versions below which each declared type was written in clear. */
  sealedSince(): Readonly<Record<string, number>> {
    return Object.fromEntries([...this.declarations.values()].map((d) => [d.type, d.sealedSince]));
  }

  /** Whether events of this type carry personal data. */
  declares(type: string): boolean {
    return this.declarations.has(type);
  }

  /** The data with its declared fields sealed (strings, and the strings of an object such as answers). */
  async sealData(type: string, data: unknown): Promise<unknown> {
    const subject = this.subjectOf(type, data);
    if (subject === null) return data;
    const key = await this.keys.keyFor(subject);
    return this.mapDeclared(type, data, (value) => (looksSealed(value) ? value : seal(key, value)));
  }

  /**
   * Data a release before sealing wrote in clear, sealed now; `[erased]` where its subject has
   * been erased since (an erased subject's next key is for new data only, not for what the
   * erasure covered).
   */
  async sealWrittenInClear(type: string, data: unknown): Promise<unknown> {
    const subject = this.subjectOf(type, data);
    if (subject === null) return data;
    if ((await this.keys.statusOf(subject)) === 'erased') return this.mapDeclared(type, data, () => ERASED);
    return this.sealData(type, data);
  }

  private subjectOf(type: string, data: unknown): string | null {
    const declaration = this.declarations.get(type);
    if (!declaration || !isObject(data)) return null;
    const fields = typeof declaration.subject === 'string' ? [declaration.subject] : declaration.subject;
    const parts = fields.map((field) => {
      const value = data[field];
      if (typeof value !== 'string' || value === '')
        throw new Error(`${type} names no ${field}: its personal data has no key to seal it with`);
      return value;
    });
    const subject = parts.join('/');
    return declaration.namespace ? `${declaration.namespace}:${subject}` : subject;
  }

  /** A copy of `data` with every string of its declared fields mapped. */
  private mapDeclared(type: string, data: unknown, map: (value: string) => string): unknown {
    const mapValue = (value: unknown): unknown => {
      if (typeof value === 'string') return map(value);
      if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapValue(v)]));
      return value;
    };
    const mapped = { ...(data as Record<string, unknown>) };
    for (const path of this.declarations.get(type)?.paths ?? []) updateAt(mapped, path.split('.'), mapValue);
    return mapped;
  }

  /**
   * `value` with every sealed string opened, or `[erased]` where the key is gone; the same object
   * when it holds nothing sealed. One key-store lookup for the whole value.
   */
  async reveal<T>(value: T): Promise<T> {
    const keyIds = new Set<string>();
    collect(value, keyIds);
    if (keyIds.size === 0) return value;
    const keys = await this.keys.keys([...keyIds]);
    return replace(value, (sealed) => {
      const key = keys.get(sealedKeyId(sealed) as string);
      return (key && unseal(key, sealed)) ?? ERASED;
    }) as T;
  }
}

function collect(value: Json, into: Set<string>): void {
  if (typeof value === 'string') {
    const id = sealedKeyId(value);
    if (id) into.add(id);
  } else if (Array.isArray(value)) for (const v of value) collect(v, into);
  else if (isObject(value)) for (const k in value) collect(value[k], into);
}

/** A copy of the parts that change; untouched branches are shared. */
function replace(value: Json, open: (sealed: string) => string): Json {
  if (typeof value === 'string') return sealedKeyId(value) ? open(value) : value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const r = replace(v, open);
      changed ||= r !== v;
      return r;
    });
    return changed ? out : value;
  }
  if (isObject(value)) {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const k in value) {
      const r = replace(value[k], open);
      changed ||= r !== value[k];
      out[k] = r;
    }
    // Class instances (GraphQL object types) keep their prototype: resolvers may read getters.
    return changed ? Object.assign(Object.create(Object.getPrototypeOf(value) as object) as object, out) : value;
  }
  return value;
}
