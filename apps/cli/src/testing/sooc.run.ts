import type { Command } from 'commander';
import { soocProgram } from '../sooc.program';

export interface SoocRun {
  readonly out: string[];
  /** What long commands showed on their progress output. */
  readonly progress: string;
  /** The error it would have exited with; null when it succeeded. */
  readonly error: string | null;
}

/** Runs `sooc …` in-process: what it printed, its progress, or the error it would have exited with. */
export async function sooc(args: string[], env: NodeJS.ProcessEnv): Promise<SoocRun> {
  const out: string[] = [];
  let error = '';
  let progress = '';
  const program = soocProgram(env, (line) => out.push(line), { write: (text) => void (progress += text) });
  const quiet = (command: Command) => {
    command.exitOverride().configureOutput({ writeErr: (text) => (error += text), writeOut: (text) => out.push(text) });
    command.commands.forEach(quiet);
  };
  quiet(program);
  try {
    await program.parseAsync(['node', 'sooc', ...args]);
    return { out, progress, error: null };
  } catch {
    return { out, progress, error };
  }
}
