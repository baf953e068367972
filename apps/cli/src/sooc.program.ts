import { Command } from 'commander';
import { learnerCommand } from './learner.command';
import { tokenCommand } from './token.command';

/** `npm run sooc -- <command>`: the operator's tools. Every command has `--help`. */
export function soocProgram(env: NodeJS.ProcessEnv, print: (line: string) => void): Command {
  return new Command('sooc')
    .description('sooc operator commands (run with: npm run -s sooc -- <command>)')
    .showHelpAfterError()
    .addCommand(tokenCommand(env, print))
    .addCommand(learnerCommand(env, print));
}
