/**
 * `npm run bench`: runs every test/bench/*.bench.ts (or those named on the command line), prints
 * each section as it finishes and rewrites docs/BENCHMARKS.md with the figures of this run.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchModule, BenchSection } from './bench.types';

function render(section: BenchSection): string {
  const rows = section.rows.map((r) => `| ${r.name} | ${formatNumber(r.value)} | ${r.unit} | ${r.note ?? ''} |`);
  return [
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
  const sections: string[] = [];
  for (const file of files) {
    process.stdout.write(`▶ ${file} …\n`);
    const mod = (await import(join(__dirname, file))) as BenchModule;
    const section = await mod.run();
    const text = render(section);
    process.stdout.write(`${text}\n`);
    sections.push(text);
  }
  const header = [
    '# Benchmarks',
    '',
    'Produced by `npm run bench` (all) or `npm run bench -- <name>` (one file of `test/bench`).',
    `Last run: ${new Date().toISOString()} on Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB.`,
    'Figures vary with the machine and its load; compare ratios measured in the same run, not absolute numbers across runs.',
    '',
  ].join('\n');
  if (only.length === 0)
    writeFileSync(join(__dirname, '../../docs/BENCHMARKS.md'), `${header}\n${sections.join('\n')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
