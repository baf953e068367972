import { ValidationError } from '@sooc/event-sourcing';

/**
 * Events outlive the code that wrote them, so only plain JSON may enter the store: a Date, a Map,
 * a class instance or NaN would come back as something else (or nothing) on the next read.
 * `undefined` object properties are allowed because JSON's meaning for them (absent) is what
 * TypeScript's optional properties mean too.
 */
export function toJson(value: unknown, pathOf: () => string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    const path = pathOf();
    // Circular structures and bigints: stringify has already walked the value, let it say why.
    refuse(path, `${path} cannot be written as JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  // After a successful stringify the value is a tree, so the walk needs no cycle bookkeeping.
  // The fast walk builds no paths; only a refused value is walked again to say where it failed.
  if (json === undefined || !isPlain(value)) {
    const path = pathOf();
    refuse(path, findProblem(value, path) ?? `${path} is not JSON`);
  }
  return json;
}

function isPlain(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!isPlain(value[i])) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key in value) {
        const v = (value as Record<string, unknown>)[key];
        if (v !== undefined && !isPlain(v)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

function refuse(path: string, problem: string): never {
  throw new ValidationError('EVENT.NOT_JSON', `${problem} (events hold plain JSON only)`, [
    { field: path, message: problem },
  ]);
}

function findProblem(value: unknown, path: string): string | null {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : `${path} is ${value}, which JSON cannot hold`;
    case 'object':
      return value === null ? null : Array.isArray(value) ? findInArray(value, path) : findInObject(value, path);
    default:
      return `${path} is a ${typeof value}, which JSON cannot hold`;
  }
}

function findInArray(value: readonly unknown[], path: string): string | null {
  for (let i = 0; i < value.length; i++) {
    const problem = findProblem(value[i], `${path}[${i}]`);
    if (problem) return problem;
  }
  return null;
}

function findInObject(value: object, path: string): string | null {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    return `${path} is a ${(value.constructor as { name?: string } | undefined)?.name ?? 'non-plain object'}, not a plain object`;
  }
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    const problem = findProblem(v, `${path}.${key}`);
    if (problem) return problem;
  }
  return null;
}
