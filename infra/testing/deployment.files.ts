import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCompose, type ComposeFile } from './compose.model';
import { parseEnvFile, type EnvFile } from './env.file';
import { loadManifests, type Manifest } from './kubernetes.model';

/** The repository root and the deployment files, read once per spec file. */
export const ROOT = resolve(__dirname, '../..');

export function readText(path: string): string {
  return readFileSync(resolve(ROOT, path), 'utf8');
}

export const composeText = (): string => readText('infra/compose.yaml');
export const envExample = (): EnvFile => parseEnvFile(readText('infra/.env.example'));
export const manifests = (): Manifest[] => loadManifests(resolve(ROOT, 'infra/k8s'));

/** compose.yaml as `docker compose up` sees it with `cp infra/.env.example infra/.env`. */
export const composeWithExample = (): ComposeFile => loadCompose(composeText(), envExample().values);
