import { killStartedEntryPoints, startEntryPoint, type EntryPointProcess } from '@sooc/runtime/testing';

export type ProjectorProcess = EntryPointProcess;

/** The real entry point, `node apps/projector/src/main.ts` (see startEntryPoint). */
export function startProjectorProcess(env: Record<string, string>): ProjectorProcess {
  return startEntryPoint('projector', env);
}

export const killAll = killStartedEntryPoints;
