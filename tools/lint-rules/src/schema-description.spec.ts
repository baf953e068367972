import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The description lint of eslint.config.mjs, proven on purpose: the committed schema.graphql with
 * one description taken out, linted as if it were that file (through stdin: nothing is written),
 * by the eslint CLI with the repository's config, as the gateway's lint target lints it.
 */
const root = resolve(__dirname, '../../..');
const schema = readFileSync(resolve(root, 'schema.graphql'), 'utf8');

function problems(text: string): Promise<string[]> {
  return new Promise((done, fail) => {
    const child = execFile(
      resolve(root, 'node_modules/.bin/eslint'),
      ['--stdin', '--stdin-filename', resolve(root, 'schema.graphql'), '--format', 'json'],
      { cwd: root },
      (error, stdout) => {
        // eslint exits 1 when it found problems: its report is still on stdout.
        if (!stdout) return fail(error ?? new Error('eslint printed nothing'));
        const [result] = JSON.parse(stdout) as { messages: { ruleId: string | null; message: string }[] }[];
        done(result.messages.map((m) => `${m.ruleId}: ${m.message}`));
      },
    );
    child.stdin?.end(text);
  });
}

/** The schema with the description just above `line` (a one-line `"""…"""`) removed. */
function withoutDescriptionOf(line: string): string {
  const found = new RegExp(`\\n *"""[^\\n]*"""\\n(${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n)`).exec(schema);
  if (!found) throw new Error(`no one-line description above ${JSON.stringify(line)} in schema.graphql`);
  return schema.replace(found[0], `\n${found[1]}`);
}

describe('the description lint over schema.graphql', () => {
  it('passes on the committed schema', async () => {
    expect(await problems(schema)).toEqual([]);
  }, 60_000);

  it('refuses a field without a description', async () => {
    expect(await problems(withoutDescriptionOf('  capacity: Int!'))).toEqual([
      expect.stringMatching(
        /^@graphql-eslint\/require-description: Description is required for field "capacity" in type "/,
      ),
    ]);
  }, 60_000);

  it('refuses a query argument without a description', async () => {
    const bare = schema.replace(/ {4}"""The course's own id \(Course\.courseId\)"""\n( {4}courseId: ID!\n)/, '$1');
    expect(bare).not.toBe(schema);
    expect(await problems(bare)).toEqual([
      expect.stringMatching(
        /^@graphql-eslint\/require-description: Description is required for input value "courseId" in field "course"/,
      ),
    ]);
  }, 60_000);
});
