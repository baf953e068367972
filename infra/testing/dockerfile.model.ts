/** A Dockerfile as stages of instructions: enough to check what the image runs and as whom. */
export interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

export interface Stage {
  /** The FROM image with global ARG defaults substituted. */
  readonly image: string;
  readonly name?: string;
  readonly instructions: readonly Instruction[];
}

export function parseDockerfile(text: string): Stage[] {
  const instructions = text
    .replace(/\\\r?\n/g, ' ') // continuation lines
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...args] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: args.join(' ') };
    });
  const globals: Record<string, string> = {};
  const stages: { image: string; name?: string; instructions: Instruction[] }[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [image, as, name] = instruction.args.split(' ');
      if (as !== undefined && as.toUpperCase() !== 'AS')
        throw new Error(`FROM ${instruction.args}: expected "FROM image [AS name]"`);
      stages.push({
        image: image.replace(/\$\{?(\w+)\}?/g, (_, arg: string) => globals[arg] ?? ''),
        name,
        instructions: [],
      });
    } else if (stages.length === 0 && instruction.keyword === 'ARG') {
      const [arg, value = ''] = instruction.args.split('=', 2);
      globals[arg] = value;
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

/** The last value of an instruction in a stage (CMD, USER, …), as written. */
export function last(stage: Stage, keyword: string): string | undefined {
  return stage.instructions.filter((i) => i.keyword === keyword).at(-1)?.args;
}

/** CMD in exec form (a JSON array). */
export function execForm(args: string | undefined): string[] | undefined {
  return args?.startsWith('[') ? (JSON.parse(args) as string[]) : undefined;
}
