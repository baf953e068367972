import type { Command } from 'commander';
import { soocProgram } from '../sooc.program';

/** Runs `sooc …` in-process: what it printed, or the error it would have exited with. */
export async function sooc(args: string[], env: NodeJS.ProcessEnv): Promise<{ out: string[]; error: string | null }> {
  const out: string[] = [];
  let error = '';
  const program = soocProgram(env, (line) => out.push(line));
  const quiet = (command: Command) => {
    command.exitOverride().configureOutput({ writeErr: (text) => (error += text), writeOut: (text) => out.push(text) });
    command.commands.forEach(quiet);
  };
  quiet(program);
  try {
    await program.parseAsync(['node', 'sooc', ...args]);
    return { out, error: null };
  } catch {
    return { out, error };
  }
}
