/** infra/.env.example as compose reads it: `NAME=value` lines; `# NAME=value` documents an optional one. */
export interface EnvFile {
  /** The values compose would substitute. */
  readonly values: Readonly<Record<string, string>>;
  /** Every variable the file names, set or commented out, in order. */
  readonly names: readonly string[];
}

const SET = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;
const COMMENTED = /^#\s*([A-Za-z_][A-Za-z0-9_]*)=/;

export function parseEnvFile(text: string): EnvFile {
  const values: Record<string, string> = {};
  const names: string[] = [];
  for (const line of text.split(/\r?\n/).map((l) => l.trim())) {
    const set = SET.exec(line);
    if (set) {
      values[set[1]] = unquote(set[2].trim());
      names.push(set[1]);
      continue;
    }
    const commented = COMMENTED.exec(line);
    if (commented) names.push(commented[1]);
  }
  return { values, names };
}

function unquote(value: string): string {
  const quoted = /^(['"])(.*)\1$/.exec(value);
  return quoted ? quoted[2] : value;
}
