import { Command } from 'commander';
import { projectionsRebuildCommand } from './projections-rebuild.command';
import { projectionsVerifyCommand } from './projections-verify.command';
import type { ProgressOutput } from './replay.progress';

/** `sooc projections …`: the read models, rebuilt or checked against the events. */
export function projectionsCommand(
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
  progressOut: ProgressOutput,
): Command {
  return new Command('projections')
    .description('Rebuild the read models from the event store, or verify them against it')
    .addCommand(projectionsRebuildCommand(env, print, progressOut))
    .addCommand(projectionsVerifyCommand(env, print, progressOut));
}
