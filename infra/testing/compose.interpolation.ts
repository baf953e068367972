/**
 * Compose's variable substitution, as `docker compose` applies it to compose.yaml with the values
 * of .env: `${VAR}`, `${VAR:-default}` / `${VAR-default}`, `${VAR:?error}` / `${VAR?error}`, `$VAR`,
 * `$$` for a literal `$`, and defaults that hold substitutions themselves. Used to see the exact
 * environment each container gets without a Docker engine.
 */
export type Variables = Readonly<Record<string, string>>;

export class MissingVariableError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable}: ${reason}`);
    this.name = 'MissingVariableError';
  }
}

/** Every variable name a text may substitute, those inside defaults included. */
export function referencedVariables(text: string): Set<string> {
  const names = text.replace(/\$\$/g, '').matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g);
  return new Set([...names].map((m) => m[1]));
}

export function interpolate(text: string, variables: Variables): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '$') {
      out += c;
      i += 1;
    } else if (text[i + 1] === '$') {
      out += '$';
      i += 2;
    } else if (text[i + 1] === '{') {
      const end = closingBrace(text, i + 2);
      out += substitute(text.slice(i + 2, end), variables);
      i = end + 1;
    } else {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))?.[0];
      if (name === undefined) throw new Error(`a lone "$" at ${i} in ${JSON.stringify(text)}: write $$`);
      out += variables[name] ?? '';
      i += 1 + name.length;
    }
  }
  return out;
}

function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unclosed \${ in ${JSON.stringify(text)}`);
}

function substitute(expression: string, variables: Variables): string {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([\s\S]*))?$/.exec(expression);
  if (!match) throw new Error(`not a substitution: \${${expression}}`);
  const [, name, colon, operator, argument = ''] = match;
  const value = Object.hasOwn(variables, name) ? variables[name] : undefined;
  // With the colon, an empty value counts as unset; without it, only an absent one does.
  const unset = value === undefined || (colon === ':' && value === '');
  if (operator === '-') return unset ? interpolate(argument, variables) : (value as string);
  if (operator === '?') {
    if (unset) throw new MissingVariableError(name, interpolate(argument, variables) || 'required');
    return value as string;
  }
  return value ?? '';
}
