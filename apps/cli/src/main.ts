import { soocProgram } from './sooc.program';

soocProgram(process.env, (line) => process.stdout.write(`${line}\n`))
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`sooc: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
