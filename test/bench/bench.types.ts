/** One section of docs/BENCHMARKS.md, produced by one `*.bench.ts` module's `run()`. */
export interface BenchRow {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly note?: string;
}

export interface BenchSection {
  readonly title: string;
  /** What was measured and how, in a sentence or two (conditions, sizes, durability settings). */
  readonly method: string;
  readonly rows: readonly BenchRow[];
  /** Ratios or verdicts against the aims of the issue, e.g. "adapter / raw = 0.91 (aim ≥ 0.8)". */
  readonly findings: readonly string[];
}

export type BenchModule = { run(): Promise<BenchSection> };
