import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, parse, validate, type IntrospectionQuery } from 'graphql';
import { curlExamples, expand, inlineOperations, tokenAssignments, type CurlExample } from './readme.examples';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const READY = /(http:\/\/localhost:\d+)\/graphql/;

/** `npm start` as a newcomer runs it (build included), on its own data folder and a free port. */
function npmStart(dataDir: string): { child: ChildProcess; output: () => string; origin: Promise<string> } {
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SOOC_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    detached: true, // its own process group: npm, the build and node all go at the end
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const origin = new Promise<string>((resolve, reject) => {
    const look = (chunk: Buffer) => {
      text += chunk.toString();
      const ready = READY.exec(text);
      if (ready) resolve(ready[1] ?? '');
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.on('exit', (code) => reject(new Error(`npm start exited ${code} before it was ready:\n${text}`)));
  });
  return { child, output: () => text, origin };
}

async function send(
  origin: string,
  example: CurlExample,
  variables: Readonly<Record<string, string>>,
): Promise<{ text: string; answer: { errors?: unknown[]; data?: unknown } }> {
  const headers = Object.fromEntries(
    Object.entries(example.headers).map(([name, value]) => [name, expand(value, variables)]),
  );
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify(example.body),
  });
  const text = await response.text();
  return { text, answer: JSON.parse(text) as { errors?: unknown[]; data?: unknown } };
}

/** What the README promises and this answer lacks. */
function broken(example: CurlExample, text: string, answer: { errors?: unknown[] }): string[] {
  const problems = example.promised.filter((token) => !text.includes(token)).map((token) => `no "${token}"`);
  if (!example.promisesErrors && answer.errors) problems.push('errors where the README shows none');
  if (example.promisesErrors && !answer.errors) problems.push('no errors where the README shows some');
  return problems;
}

describe("README.md's examples, against a fresh npm start", () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sooc-readme-'));
  let started: ReturnType<typeof npmStart>;
  let origin: string;
  /** The shell variables README sets, each by running the CLI line it shows, on the gateway's data folder. */
  const variables: Record<string, string> = {};

  beforeAll(async () => {
    started = npmStart(dataDir);
    origin = await started.origin;
    for (const { name, args } of tokenAssignments(README))
      variables[name] = execFileSync('npm', ['run', '-s', 'sooc', '--', ...args], {
        cwd: ROOT,
        env: { ...process.env, SOOC_DATA_DIR: dataDir },
        encoding: 'utf8',
      }).trim();
  }, 300_000);

  afterAll(async () => {
    if (started.child.pid && started.child.exitCode === null) {
      const exited = new Promise((resolve) => started.child.once('exit', resolve));
      process.kill(-started.child.pid, 'SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has examples to run, and tokens for them made with the CLI', () => {
    expect(curlExamples(README).length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(variables).length).toBeGreaterThanOrEqual(2);
    for (const token of Object.values(variables)) expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('runs every curl in order, each answering what its comment says', async () => {
    for (const example of curlExamples(README)) {
      // A query may read what the reactor does "a few milliseconds after" the mutation before it.
      const isQuery = !/^\s*(mutation|subscription)\b/.test(example.body.query);
      let { text, answer } = await send(origin, example, variables);
      for (let tries = 0; isQuery && broken(example, text, answer).length > 0 && tries < 50; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        ({ text, answer } = await send(origin, example, variables));
      }
      expect({ example: example.command, problems: broken(example, text, answer), answer: text }).toEqual({
        example: example.command,
        problems: [],
        answer: text,
      });
    }
  }, 60_000);

  it("writes every operation in the prose valid against the running gateway's schema", async () => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: getIntrospectionQuery() }),
    });
    const schema = buildClientSchema(((await response.json()) as { data: IntrospectionQuery }).data);
    const operations = inlineOperations(README);
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) {
      expect({ operation, errors: validate(schema, parse(operation)).map((e) => e.message) }).toEqual({
        operation,
        errors: [],
      });
    }
  });
});
