/** One `curl` of README.md: what it sends, and what its `# →` comment promises. */
export interface CurlExample {
  /** The command as README shows it, for failure messages. */
  readonly command: string;
  readonly headers: Record<string, string>;
  readonly body: { readonly query: string; readonly variables?: Record<string, unknown> };
  /** Quoted strings and UPPER_CASE words of the `# →` comment: each must appear in the answer. */
  readonly promised: readonly string[];
  /** The comment says the answer is an error. */
  readonly promisesErrors: boolean;
}

const FENCE = /```sh\n([\s\S]*?)```/g;
const HEADER = /-H '([^':]+):\s*([^']*)'/g;
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
        headers: Object.fromEntries([...command.matchAll(HEADER)].map(([, name, value]) => [name, value])),
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
