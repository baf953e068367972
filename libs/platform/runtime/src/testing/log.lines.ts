/** One parsed log line: pino's JSON, as the loggers write it. */
export interface LogLine {
  readonly level: string;
  readonly service: string;
  readonly msg: string;
  readonly time: string;
  readonly correlationId?: string;
  readonly actorId?: string;
  readonly operation?: string;
  readonly [field: string]: unknown;
}

/** The JSON lines of a process's output (anything else, such as a crash's stack, is left out). */
export function logLines(text: string): LogLine[] {
  const lines: LogLine[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      lines.push(JSON.parse(line) as LogLine);
    } catch {
      // A line cut by a chunk boundary: the next read has it whole.
    }
  }
  return lines;
}

/**
 * The output as a person reads it: `sooc <service>: <msg>` for each JSON line, other lines as
 * they are. Specs assert on what the lines say; the JSON fields have specs of their own.
 */
export function readableLog(text: string): string {
  return text
    .split(/(?<=\n)/)
    .map((line) => {
      if (!line.startsWith('{') || !line.endsWith('\n')) return line;
      try {
        const { service, msg } = JSON.parse(line) as LogLine;
        return typeof service === 'string' && typeof msg === 'string' ? `sooc ${service}: ${msg}\n` : line;
      } catch {
        return line;
      }
    })
    .join('');
}
