import { Command } from 'commander';
import { auditCommand } from './audit-export.command';
import { backupCommand, restoreCommand } from './backup.command';
import { eventsCommand } from './events-copy.command';
import { learnerCommand } from './learner.command';
import { projectionsCommand } from './projections.command';
import { seedCommand } from './seed.command';
import type { ProgressOutput } from './replay.progress';
import { tokenCommand } from './token.command';

/** `npm run sooc -- <command>`: the operator's tools. Every command has `--help`. */
export function soocProgram(
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
  /** Where long commands show their progress. */
  progressOut: ProgressOutput = process.stderr,
): Command {
  return new Command('sooc')
    .description('sooc operator commands (run with: npm run -s sooc -- <command>)')
    .showHelpAfterError()
    .addCommand(tokenCommand(env, print))
    .addCommand(projectionsCommand(env, print, progressOut))
    .addCommand(learnerCommand(env, print))
    .addCommand(seedCommand(env, print, progressOut))
    .addCommand(auditCommand(env, print, progressOut))
    .addCommand(eventsCommand(env, print, progressOut))
    .addCommand(backupCommand(env, print, progressOut))
    .addCommand(restoreCommand(env, print));
}
