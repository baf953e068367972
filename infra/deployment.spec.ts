import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { composeWithExample, envExample, manifests, readText, ROOT } from './testing/deployment.files';
import { execForm, last, parseDockerfile } from './testing/dockerfile.model';
import { containerEnv } from './testing/kubernetes.model';
import { NODE_FLAGS } from '@sooc/runtime';
import { APPS, appOfCommand, LIVENESS_PATH, METRICS_PATH, READINESS_PATH } from './testing/service.config';

const stages = parseDockerfile(readText('Dockerfile'));
const runtime = stages.at(-1)!;
const deploymentDoc = readText('docs/DEPLOYMENT.md');

/** Every command line the deployment files start a process with. */
function commands(): [string, readonly string[] | undefined][] {
  const compose = [...composeWithExample().services.values()]
    .filter((s) => s.command)
    .map((s) => [`compose ${s.name}`, s.command] as [string, readonly string[]]);
  const k8s = manifests()
    .filter((m) => m.kind === 'Deployment')
    .flatMap((d) =>
      d.spec!.template!.spec.containers.map(
        (c) => [`k8s ${d.metadata.name}`, c.command] as [string, readonly string[] | undefined],
      ),
    );
  return [['Dockerfile CMD', execForm(last(runtime, 'CMD'))], ...compose, ...k8s];
}

describe('the image (Dockerfile)', () => {
  it('runs on node:20-bookworm-slim as the unprivileged node user, in production mode', () => {
    expect(new Set(stages.map((s) => s.image))).toEqual(new Set(['node:20-bookworm-slim']));
    expect(last(runtime, 'USER')).toBe('node');
    expect(last(runtime, 'ENV')).toBe('NODE_ENV=production');
  });

  it("gives every process the services' V8 flags, as npm start and the tests' spawner do", () => {
    const env = runtime.instructions.filter((i) => i.keyword === 'ENV').map((i) => i.args);
    expect(env).toContain(`NODE_OPTIONS=${NODE_FLAGS.join(' ')}`);
    const start = (JSON.parse(readText('package.json')) as { scripts: { start: string } }).scripts.start;
    expect(start).toBe(`node ${NODE_FLAGS.join(' ')} tools/start.cjs`);
    expect(deploymentDoc).toContain(`export NODE_OPTIONS=${NODE_FLAGS.join(' ')}`);
  });

  it.each(commands())('%s starts one of the apps by the file its build emits', (_where, command) => {
    const app = appOfCommand(command);
    expect(app).not.toBeNull();
    // `nx run <app>:build` is `tsc -p apps/<app>/tsconfig.app.json`: src/main.ts → dist/main.js.
    const project = JSON.parse(readText(`apps/${app}/project.json`)) as {
      targets: { build: { options: { command: string } } };
    };
    expect(project.targets.build.options.command).toBe(`tsc -p apps/${app}/tsconfig.app.json`);
    const tsconfig = JSON.parse(readText(`apps/${app}/tsconfig.app.json`)) as {
      compilerOptions: { rootDir: string; outDir: string };
    };
    expect([tsconfig.compilerOptions.rootDir, tsconfig.compilerOptions.outDir]).toEqual(['src', 'dist']);
    expect(existsSync(resolve(ROOT, `apps/${app}/src/main.ts`))).toBe(true);
  });

  it('builds every app a command starts, the operator CLI (tokens for SOOC_AUTH=local) and the console the gateway serves', () => {
    const build = instructionsOf('build').find((i) => i.keyword === 'RUN' && i.args.includes('nx run-many -t build'))!;
    expect(/ -p (\S+)/.exec(build.args)?.[1].split(',').sort()).toEqual([...APPS, 'cli', 'console'].sort());
  });

  it("copies each npm workspace's package.json and dist/ (the @sooc/* links resolve to them at run time)", () => {
    const workspaces = (JSON.parse(readText('package.json')) as { workspaces: string[] }).workspaces;
    const assemble = instructionsOf('build').find((i) => i.keyword === 'RUN' && i.args.includes('mkdir /out'))!;
    expect(/for dir in ([^;]+?); do/.exec(assemble.args)?.[1].split(' ').sort()).toEqual([...workspaces].sort());
  });

  it('leaves installed modules and earlier builds out of the build context', () => {
    expect(readText('.dockerignore').split('\n')).toEqual(
      expect.arrayContaining(['**/node_modules', '**/dist', '**/*.tsbuildinfo']),
    );
  });
});

describe('docs/DEPLOYMENT.md', () => {
  const given = new Set<string>([
    ...envExample().names,
    ...[...composeWithExample().services.values()]
      .filter((s) => appOfCommand(s.command))
      .flatMap((s) => Object.keys(s.environment)),
    ...manifests()
      .filter((m) => m.kind === 'Deployment')
      .flatMap((d) =>
        d.spec!.template!.spec.containers.flatMap((c) => Object.keys(containerEnv(c, manifests(), 'pod'))),
      ),
  ]);

  it.each([...given].sort())('documents %s', (variable) => {
    expect(deploymentDoc).toContain(`\`${variable}\``);
  });

  it('names the endpoints the probes and scrapers use', () => {
    for (const path of [LIVENESS_PATH, READINESS_PATH, METRICS_PATH]) expect(deploymentDoc).toContain(path);
  });

  it('links only to files that exist, and gives jest configs that exist', () => {
    const links = [...deploymentDoc.matchAll(/\]\((?!https?:|#)([^)#\s]+)/g)].map((m) => resolve(ROOT, 'docs', m[1]));
    const configs = [...deploymentDoc.matchAll(/jest -c ([^\s`'"]+)/g)].map((m) => resolve(ROOT, m[1]));
    expect(
      [...links, ...configs].filter((file) => !existsSync(file)).map((file) => file.slice(ROOT.length + 1)),
    ).toEqual([]);
    expect(links.length + configs.length).toBeGreaterThan(0);
  });
});

function instructionsOf(name: string) {
  const stage = stages.find((s) => s.name === name);
  if (!stage) throw new Error(`no stage "${name}" in the Dockerfile`);
  return stage.instructions;
}
