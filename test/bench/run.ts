/**
 * `npm run bench`: runs every test/bench/*.bench.ts (or those named on the command line), prints
 * each section as it finishes and rewrites docs/BENCHMARKS.md with the figures of this run. A run
 * of named files replaces only their sections (found by the marker comment each section starts
 * with) and notes in the header which sections were rerun alone, and when.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchModule, BenchSection } from './bench.types';

const OUTPUT = join(__dirname, '../../docs/BENCHMARKS.md');

/** The first line of each section: which file wrote it, so a rerun of that file replaces it. */
const marker = (file: string) => `<!-- test/bench/${file} -->`;

function render(file: string, section: BenchSection): string {
  const rows = section.rows.map((r) => `| ${r.name} | ${formatNumber(r.value)} | ${r.unit} | ${r.note ?? ''} |`);
  return [
    marker(file),
    `## ${section.title}`,
    '',
    section.method,
    '',
    '| measure | value | unit | note |',
    '|---|---:|---|---|',
    ...rows,
    '',
    ...section.findings.map((f) => `- ${f}`),
    '',
  ].join('\n');
}

function formatNumber(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  const sections = new Map<string, string>();
  for (const file of files) {
    process.stdout.write(`▶ ${file} …\n`);
    const mod = (await import(join(__dirname, file))) as BenchModule;
    const section = await mod.run();
    const text = render(file, section);
    process.stdout.write(`${text}\n`);
    sections.set(file, text);
  }
  const machine = `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
  const now = new Date().toISOString();
  if (only.length === 0) {
    const header = [
      '# Benchmarks',
      '',
      'Produced by `npm run bench` (all) or `npm run bench -- <name>` (the files of `test/bench` whose names contain `<name>`; their sections replace those here).',
      'SOOC_BENCH_DURATION_S sets the seconds of each autocannon run of the admission sections (default 10).',
      `Last run: ${now} on ${machine}.`,
      'Figures vary with the machine and its load; compare ratios measured in the same run, not absolute numbers across runs.',
      '',
    ].join('\n');
    writeFileSync(OUTPUT, `${header}\n${[...sections.values()].join('\n')}`);
  } else if (sections.size > 0) {
    writeFileSync(
      OUTPUT,
      merge(existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : '# Benchmarks\n', sections, `${now} on ${machine}`),
    );
  }
}

const RERUN = 'Rerun alone since: ';

/**
 * `existing` with each of `sections` (by file) in place of the section its marker names, or at
 * the end; the header's rerun line lists each file rerun alone since the last full run, and when.
 */
function merge(existing: string, sections: ReadonlyMap<string, string>, when: string): string {
  const firstMarker = existing.indexOf('<!-- test/bench/');
  const head = firstMarker < 0 ? existing : existing.slice(0, firstMarker);
  const body = firstMarker < 0 ? '' : existing.slice(firstMarker);
  const blocks = body.split(/(?=^<!-- test\/bench\/)/m).filter((b) => b.trim() !== '');
  const fileOf = (block: string) => /^<!-- test\/bench\/(\S+) -->/.exec(block)?.[1];
  const merged = blocks.map((block) => {
    const file = fileOf(block);
    return file && sections.has(file) ? `${sections.get(file)}\n` : block;
  });
  for (const [file, text] of sections) if (!blocks.some((b) => fileOf(b) === file)) merged.push(`${text}\n`);

  const lines = head.trimEnd().split('\n');
  const at = lines.findIndex((l) => l.startsWith(RERUN));
  const reruns = new Map(
    at < 0
      ? []
      : [...lines[at].slice(RERUN.length).matchAll(/(\S+\.bench\.ts) at ([^;]+?)(?:;|\.$)/g)].map((m) => [m[1], m[2]]),
  );
  for (const file of sections.keys()) reruns.set(file, when);
  const line = `${RERUN}${[...reruns].map(([file, time]) => `${file} at ${time}`).join('; ')}.`;
  if (at >= 0) lines[at] = line;
  else {
    const lastRun = lines.findIndex((l) => l.startsWith('Last run:'));
    lines.splice(lastRun < 0 ? lines.length : lastRun + 1, 0, line);
  }
  return `${lines.join('\n')}\n\n${merged
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
