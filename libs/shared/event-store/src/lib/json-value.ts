import { ValidationError } from '@sooc/event-sourcing';

/**
 * Events outlive the code that wrote them, so only plain JSON may enter the store: a Date, a Map,
 * a class instance or NaN would come back as something else (or nothing) on the next read.
 * `undefined` object properties are allowed because JSON's meaning for them (absent) is what
 * TypeScript's optional properties mean too.
 */
export function toJson(value: unknown, path: string): string {
  const problem = findProblem(value, path, new Set());
  if (problem) throw new ValidationError('EVENT.NOT_JSON', `${problem} (events hold plain JSON only)`, [{ field: path, message: problem }]);
  return JSON.stringify(value);
}

function findProblem(value: unknown, path: string, seen: Set<object>): string | null {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : `${path} is ${value}, which JSON cannot hold`;
    case 'object':
      return value === null ? null : findInObject(value, path, seen);
    default:
      return `${path} is a ${typeof value}, which JSON cannot hold`;
  }
}

function findInObject(value: object, path: string, seen: Set<object>): string | null {
  if (seen.has(value)) return `${path} is a circular reference`;
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const problem = findProblem(value[i], `${path}[${i}]`, seen);
        if (problem) return problem;
      }
      return null;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      return `${path} is a ${(value.constructor as { name?: string } | undefined)?.name ?? 'non-plain object'}, not a plain object`;
    }
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const problem = findProblem(v, `${path}.${key}`, seen);
      if (problem) return problem;
    }
    return null;
  } finally {
    seen.delete(value);
  }
}
