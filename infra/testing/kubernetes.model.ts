import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The fields of Kubernetes objects the spec reads; everything else passes through unread. */
export interface Manifest {
  readonly file: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Record<string, string> };
  readonly data?: Record<string, string>;
  readonly stringData?: Record<string, string>;
  readonly spec?: WorkloadSpec & ServiceSpec;
}

export interface WorkloadSpec {
  readonly replicas?: number;
  readonly selector?: { readonly matchLabels?: Record<string, string> };
  readonly template?: {
    readonly metadata?: { readonly labels?: Record<string, string>; readonly annotations?: Record<string, string> };
    readonly spec: PodSpec;
  };
}

export interface ServiceSpec {
  readonly ports?: readonly { readonly port: number; readonly targetPort?: number | string }[];
}

export interface PodSpec {
  readonly terminationGracePeriodSeconds?: number;
  readonly containers: readonly Container[];
}

export interface Probe {
  readonly httpGet?: { readonly path: string; readonly port: number | string };
  readonly exec?: { readonly command: readonly string[] };
}

export interface Container {
  readonly name: string;
  readonly image: string;
  readonly command?: readonly string[];
  readonly ports?: readonly { readonly name?: string; readonly containerPort: number }[];
  readonly env?: readonly EnvVar[];
  readonly envFrom?: readonly { readonly configMapRef?: { name: string }; readonly secretRef?: { name: string } }[];
  readonly startupProbe?: Probe;
  readonly readinessProbe?: Probe;
  readonly livenessProbe?: Probe;
}

interface EnvVar {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: {
    readonly configMapKeyRef?: { name: string; key: string };
    readonly secretKeyRef?: { name: string; key: string };
    readonly fieldRef?: { fieldPath: string };
  };
}

/** Every document of every .yaml file under `dir`, dev/ included. */
export function loadManifests(dir: string): Manifest[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  return files.flatMap((file) =>
    parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
      return { ...(doc.toJSON() as Omit<Manifest, 'file'>), file };
    }),
  );
}

export function find(manifests: readonly Manifest[], kind: string, name: string): Manifest {
  const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
  if (!found) throw new Error(`no ${kind} "${name}" in infra/k8s`);
  return found;
}

/** A Secret's values, whether written as stringData or base64 data. */
export function secretValues(secret: Manifest): Record<string, string> {
  const decoded = Object.entries(secret.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]);
  return { ...Object.fromEntries(decoded), ...secret.stringData };
}

/**
 * The environment a container starts with: envFrom first, then env (which wins), each reference
 * resolved against the manifests. `metadata.name` field refs get `podName`.
 */
export function containerEnv(
  container: Container,
  manifests: readonly Manifest[],
  podName: string,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(env, find(manifests, 'ConfigMap', source.configMapRef.name).data);
    if (source.secretRef) Object.assign(env, secretValues(find(manifests, 'Secret', source.secretRef.name)));
  }
  for (const variable of container.env ?? []) {
    env[variable.name] = valueOf(variable, manifests, podName);
  }
  return env;
}

function valueOf(variable: EnvVar, manifests: readonly Manifest[], podName: string): string {
  const from = variable.valueFrom;
  if (!from) return variable.value ?? '';
  if (from.configMapKeyRef)
    return required(
      find(manifests, 'ConfigMap', from.configMapKeyRef.name).data?.[from.configMapKeyRef.key],
      variable.name,
    );
  if (from.secretKeyRef)
    return required(
      secretValues(find(manifests, 'Secret', from.secretKeyRef.name))[from.secretKeyRef.key],
      variable.name,
    );
  if (from.fieldRef?.fieldPath === 'metadata.name') return podName;
  throw new Error(`${variable.name}: a valueFrom the spec does not know`);
}

function required(value: string | undefined, name: string): string {
  if (value === undefined) throw new Error(`${name}: the key it refers to does not exist`);
  return value;
}

/** A probe's or Service's port, by number or by the container port's name. */
export function portNumber(port: number | string | undefined, container: Container): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((p) => p.name === port)?.containerPort;
}
