/** One `curl` of README.md: what it sends, and what its `# →` comment promises. */
export interface CurlExample {
  /** The command as README shows it, for failure messages. */
  readonly command: string;
  /** As written: a shell variable (`$ADMIN`) stays to be replaced by what its assignment printed. */
  readonly headers: Record<string, string>;
  readonly body: { readonly query: string; readonly variables?: Record<string, unknown> };
  /** Quoted strings and UPPER_CASE words of the `# →` comment: each must appear in the answer. */
  readonly promised: readonly string[];
  /** The comment says the answer is an error. */
  readonly promisesErrors: boolean;
}

const FENCE = /```sh\n([\s\S]*?)```/g;
const HEADER = /-H (['"])([^'":]+):\s*([^'"]*)\1/g;
const TOKEN_ASSIGNMENT = /^([A-Z][A-Z0-9_]*)=\$\(npm run -s sooc -- (token [^)]*)\)$/gm;
const DATA = /-d '([\s\S]*?)'(?=\s*(?:$|\n|\\))/;
const QUOTED = /"([^"]+)"/g;
const UPPER_WORD = /\b[A-Z][A-Z0-9_.]*[A-Z0-9]\b/g;

/** Each `curl` in a ```sh block of the README, in order, with the `# →` lines that follow it. */
export function curlExamples(readme: string): CurlExample[] {
  const examples: CurlExample[] = [];
  for (const [, block] of readme.matchAll(FENCE)) {
    const pieces = (block ?? '').split(/^(?=curl )/m).filter((piece) => piece.startsWith('curl '));
    for (const piece of pieces) {
      const [command = '', ...commentLines] = piece.split(/^(?=#)/m);
      const data = DATA.exec(command);
      if (!data) throw new Error(`README curl without a -d '…' body: ${command}`);
      const comment = commentLines.join('').replace(/^#\s?/gm, '');
      const promise = comment.split('→')[1] ?? '';
      examples.push({
        command: command.trim(),
        headers: Object.fromEntries([...command.matchAll(HEADER)].map(([, , name, value]) => [name, value])),
        body: JSON.parse(data[1] ?? '') as CurlExample['body'],
        promised: [
          ...[...promise.matchAll(QUOTED)].map(([, text]) => text ?? ''),
          ...[...promise.replace(QUOTED, '').matchAll(UPPER_WORD)].map(([word]) => word),
        ],
        promisesErrors: /\berrors\b/.test(promise),
      });
    }
  }
  return examples;
}

/** GraphQL written inline in the prose (`` `subscription { … }` ``): each must be valid against the schema. */
export function inlineOperations(readme: string): string[] {
  return [...readme.matchAll(/`((?:query|mutation|subscription)\s*[^`]*\{[^`]*\})`/g)].map(([, op]) => op ?? '');
}

/** `NAME=$(npm run -s sooc -- token …)` lines of the README: the variables its curls use, and the CLI arguments that make them. */
export function tokenAssignments(readme: string): { readonly name: string; readonly args: readonly string[] }[] {
  return [...readme.matchAll(TOKEN_ASSIGNMENT)].map(([, name, args]) => ({
    name: name ?? '',
    args: (args ?? '').trim().split(/\s+/),
  }));
}

/** A header value with each `$NAME` replaced; an unknown variable is an error, as `set -u` would make it. */
export function expand(value: string, variables: Readonly<Record<string, string>>): string {
  return value.replace(/\$([A-Z][A-Z0-9_]*)/g, (_, name: string) => {
    const found = variables[name];
    if (found === undefined) throw new Error(`README uses $${name} before it sets it`);
    return found;
  });
}
