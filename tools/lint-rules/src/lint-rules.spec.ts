import { execFile, execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The layering rules of eslint.config.mjs, proven on purpose-made violations: source text linted
 * as if it were a file of the named library (through stdin: nothing is written), by the eslint
 * CLI with the repository's config, as `npm test` lints (jest cannot load an ESM config itself).
 */
const root = resolve(__dirname, '../../..');
const bin = (name: string) => resolve(root, 'node_modules/.bin', name);

beforeAll(() => {
  // The module-boundaries rule reads Nx's project graph; a fresh clone has none cached yet.
  execFileSync(bin('nx'), ['show', 'projects'], { cwd: root, stdio: 'ignore' });
}, 120_000);

function problems(file: string, code: string): Promise<string[]> {
  return new Promise((done, fail) => {
    const child = execFile(
      bin('eslint'),
      ['--stdin', '--stdin-filename', resolve(root, file), '--format', 'json'],
      { cwd: root },
      (error, stdout) => {
        // eslint exits 1 when it found problems: its report is still on stdout.
        if (!stdout) return fail(error ?? new Error('eslint printed nothing'));
        const [result] = JSON.parse(stdout) as { messages: { ruleId: string | null; message: string }[] }[];
        done(result.messages.map((m) => `${m.ruleId}: ${m.message}`));
      },
    );
    child.stdin?.end(code);
  });
}

describe('layering rules', () => {
  it('refuse a context importing another context’s decider instead of its published language', async () => {
    const found = await problems(
      'libs/enrollment/application/src/lib/violation.ts',
      "import { cohortDecider } from '@sooc/cohorts-domain';\nexport const d = cohortDecider;\n",
    );
    expect(found).toEqual([expect.stringMatching(/^no-restricted-imports: .*@sooc\/cohorts-domain\/published/)]);
  });

  it('refuse a context importing another context’s non-event code (its read models)', async () => {
    const found = await problems(
      'libs/selection/api/src/lib/violation.ts',
      "import { findCohort } from '@sooc/cohorts-read-models';\nexport const f = findCohort;\n",
    );
    expect(found).toEqual([expect.stringMatching(/^@nx\/enforce-module-boundaries: .*scope:selection/)]);
  });

  it('refuse a context reading another context’s read-model tables instead of what they publish', async () => {
    const found = await problems(
      'libs/enrollment/api/src/lib/violation.ts',
      "import { findRubric } from '@sooc/selection-read-models';\nexport const f = findRubric;\n",
    );
    expect(found).toEqual([expect.stringMatching(/^no-restricted-imports: .*@sooc\/selection-read-models\/published/)]);
  });

  it('refuse a domain file importing an effectful util (a clock), or a framework', async () => {
    const clock = await problems(
      'libs/cohorts/domain/src/lib/violation.ts',
      "import { systemClock } from '@sooc/timing';\nexport const now = () => systemClock.now();\n",
    );
    expect(clock).toEqual([expect.stringMatching(/^@nx\/enforce-module-boundaries: .*effects/)]);
    const nest = await problems(
      'libs/cohorts/domain/src/lib/violation.ts',
      "import { Injectable } from '@nestjs/common';\nexport const i = Injectable;\n",
    );
    expect(nest).toEqual([expect.stringMatching(/^@nx\/enforce-module-boundaries: .*@nestjs\/common/)]);
  });

  it('refuse the browser console any backend library or server framework: it knows the API by its schema', async () => {
    const library = await problems(
      'apps/console/src/violation.tsx',
      "import { ROLES } from '@sooc/auth';\nexport const r = ROLES;\n",
    );
    expect(library).toEqual([expect.stringMatching(/^@nx\/enforce-module-boundaries: /)]);
    const server = await problems(
      'apps/console/src/violation.tsx',
      "import fastify from 'fastify';\nexport const f = fastify;\n",
    );
    expect(server).toEqual([expect.stringMatching(/^@nx\/enforce-module-boundaries: .*fastify/)]);
    expect(
      await problems(
        'apps/console/src/allowed.tsx',
        "import { ApolloClient } from '@apollo/client';\nexport const c = ApolloClient;\n",
      ),
    ).toEqual([]);
  });

  it('accept what the rules allow: a published entry, a pure util', async () => {
    expect(
      await problems(
        'libs/enrollment/application/src/lib/allowed.ts',
        "import { cohortProfileQuery } from '@sooc/cohorts-domain/published';\nexport const q = cohortProfileQuery;\n",
      ),
    ).toEqual([]);
    expect(
      await problems(
        'libs/enrollment/api/src/lib/allowed.ts',
        "import { isBlindReview } from '@sooc/selection-read-models/published';\nexport const b = isBlindReview;\n",
      ),
    ).toEqual([]);
    expect(
      await problems(
        'libs/cohorts/domain/src/lib/allowed.ts',
        "import { positionKey } from '@sooc/util';\nexport const k = positionKey;\n",
      ),
    ).toEqual([]);
  });
});
