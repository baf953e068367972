import { parse } from 'yaml';
import { interpolate, referencedVariables, type Variables } from './compose.interpolation';

/** One service of compose.yaml after substitution and `<<` merges: what `docker compose config` would show. */
export interface ComposeService {
  readonly name: string;
  readonly image?: string;
  readonly command?: readonly string[];
  readonly environment: Readonly<Record<string, string>>;
  /** `host:container` publications. */
  readonly ports: readonly { readonly host: number; readonly container: number }[];
  /** The healthcheck's test, as an argv (`CMD` dropped) or a shell line. */
  readonly healthcheck?: readonly string[];
  readonly dependsOn: Readonly<Record<string, string>>;
}

interface RawService {
  image?: string;
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | number)[];
  healthcheck?: { test?: string[] | string };
  depends_on?: Record<string, { condition?: string }> | string[];
}

export interface ComposeFile {
  readonly services: ReadonlyMap<string, ComposeService>;
  readonly volumes: readonly string[];
}

export function loadCompose(text: string, variables: Variables): ComposeFile {
  const raw = substituteAll(parse(text, { merge: true }), variables) as {
    services: Record<string, RawService>;
    volumes?: Record<string, unknown>;
  };
  const services = new Map(Object.entries(raw.services).map(([name, service]) => [name, toService(name, service)]));
  return { services, volumes: Object.keys(raw.volumes ?? {}) };
}

/** The variables compose.yaml substitutes (in values: comments and keys are left alone). */
export function composeVariables(text: string): Set<string> {
  return new Set(valuesOf(parse(text, { merge: true })).flatMap((value) => [...referencedVariables(value)]));
}

function valuesOf(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (node && typeof node === 'object') return Object.values(node).flatMap(valuesOf);
  return [];
}

/** Compose substitutes in values, never in keys. */
function substituteAll(node: unknown, variables: Variables): unknown {
  if (typeof node === 'string') return interpolate(node, variables);
  if (Array.isArray(node)) return node.map((item) => substituteAll(item, variables));
  if (node && typeof node === 'object')
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, substituteAll(v, variables)]));
  return node;
}

function toService(name: string, raw: RawService): ComposeService {
  const command = typeof raw.command === 'string' ? raw.command.split(/\s+/) : raw.command;
  const test = typeof raw.healthcheck?.test === 'string' ? ['CMD-SHELL', raw.healthcheck.test] : raw.healthcheck?.test;
  return {
    name,
    image: raw.image,
    command,
    environment: environmentOf(raw.environment),
    ports: (raw.ports ?? []).map((p) => {
      const [host, container] = String(p).split(':').map(Number);
      return container === undefined ? { host, container: host } : { host, container };
    }),
    healthcheck: test?.[0] === 'CMD' ? test.slice(1) : test,
    dependsOn: Array.isArray(raw.depends_on)
      ? Object.fromEntries(raw.depends_on.map((d) => [d, 'service_started']))
      : Object.fromEntries(Object.entries(raw.depends_on ?? {}).map(([d, v]) => [d, v.condition ?? 'service_started'])),
  };
}

/** Both of compose's forms; a variable with no value (`FOO:` / `- FOO`) is left out, as compose leaves it unset. */
function environmentOf(raw: RawService['environment']): Record<string, string> {
  const entries = Array.isArray(raw)
    ? raw.map((line) => line.split(/=(.*)/s, 2))
    : Object.entries(raw ?? {}).map(([k, v]) => [k, v === null ? undefined : String(v)]);
  return Object.fromEntries(entries.filter((e): e is [string, string] => e[1] !== undefined));
}

/** The http(s) URLs a healthcheck asks for. */
export function healthcheckUrls(test: readonly string[] | undefined): URL[] {
  return [...(test ?? []).join(' ').matchAll(/https?:\/\/[^\s'"`)]+/g)].map((m) => new URL(m[0]));
}
