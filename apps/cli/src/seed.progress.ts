import type { ProgressOutput } from './replay.progress';

/**
 * The seed's progress on stderr: the simulated date, the store's head and the rate at which it
 * grows. On SQLite and PostgreSQL a position counts events; on EventStoreDB it is an offset, so
 * the rate there is in position units.
 */
export class SeedProgress {
  private readonly startedAt = performance.now();
  private readonly timer: NodeJS.Timeout;
  private first: bigint | null = null;
  private last: bigint | null = null;
  private drawn = false;

  constructor(
    private readonly out: ProgressOutput,
    private readonly head: () => Promise<bigint | null>,
    private readonly simulated: () => number,
  ) {
    this.timer = setInterval(() => void this.draw(), out.isTTY ? 500 : 1_000);
    this.timer.unref();
  }

  /** The events written since the start and their rate. */
  async finish(): Promise<{ events: number; seconds: number; eventsPerSecond: number }> {
    clearInterval(this.timer);
    await this.sample();
    if (this.drawn && this.out.isTTY) this.out.write('\n');
    const seconds = (performance.now() - this.startedAt) / 1000;
    const events = this.written();
    return { events, seconds, eventsPerSecond: seconds > 0 ? events / seconds : 0 };
  }

  /** Where the store stood before the seed wrote anything. */
  async begin(): Promise<void> {
    this.first = (await this.head()) ?? 0n;
    this.last = this.first;
  }

  private written(): number {
    return this.first === null || this.last === null ? 0 : Number(this.last - this.first);
  }

  private async sample(): Promise<void> {
    this.last = (await this.head()) ?? this.last;
  }

  private async draw(): Promise<void> {
    await this.sample();
    const seconds = (performance.now() - this.startedAt) / 1000;
    const line =
      `seed: simulated ${new Date(this.simulated()).toISOString().slice(0, 16).replace('T', ' ')}, ` +
      `${this.written().toLocaleString('en-US')} events, ` +
      `${Math.round(this.written() / seconds).toLocaleString('en-US')} events/s`;
    this.out.write(this.out.isTTY ? `\r\x1b[2K${line}` : `${line}\n`);
    this.drawn = true;
  }
}
