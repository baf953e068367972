import type { ReadDb } from '@sooc/read-store';

/**
 * Reads every projection's committed checkpoint over and over in the background, the way a
 * monitoring probe would, and remembers any that went lower than a previous sample: a checkpoint
 * moving back would mean an old holder committed over a newer one.
 */
export class CheckpointSampler {
  private readonly highest = new Map<string, bigint>();
  private readonly backwards: string[] = [];
  private sampled = 0;
  private stopped = false;
  private readonly loop: Promise<void>;

  constructor(
    private readonly db: ReadDb,
    private readonly everyMs = 25,
  ) {
    this.loop = this.run();
  }

  get samples(): number {
    return this.sampled;
  }

  /** Stops sampling; resolves with every backward move seen, as `projection: from → to`. */
  async stop(): Promise<readonly string[]> {
    this.stopped = true;
    await this.loop;
    return this.backwards;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const rows = (await this.db
        .selectFrom('projection_checkpoints')
        .select(['projection', 'position'])
        .execute()) as { projection: string; position: string }[];
      for (const row of rows) {
        const position = BigInt(row.position);
        const before = this.highest.get(row.projection);
        if (before !== undefined && position < before)
          this.backwards.push(`${row.projection}: ${before} → ${position}`);
        if (before === undefined || position > before) this.highest.set(row.projection, position);
      }
      this.sampled++;
      await new Promise((resolve) => setTimeout(resolve, this.everyMs));
    }
  }
}
