import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` (recursively) that holds any of the needles, as `file: needle` lines. */
export function filesHolding(dir: string, needles: readonly (string | Buffer)[]): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path)) walk(join(path, entry));
      return;
    }
    const bytes = readFileSync(path);
    for (const needle of needles)
      if (bytes.includes(needle))
        found.push(`${path}: ${typeof needle === 'string' ? needle : needle.toString('hex')}`);
  };
  walk(dir);
  return found;
}
