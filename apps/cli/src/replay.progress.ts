import type { RecordedEvent } from '@sooc/event-sourcing';

export interface ProgressOutput {
  write(text: string): void;
  /** A terminal: one line redrawn in place every 500 ms; otherwise a plain line per second. */
  readonly isTTY?: boolean;
}

export interface ReplaySummary {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

const WIDTH = 24;

/**
 * Progress of a replay towards `head`, fed by the runner's batches (onBatchCommitted): position
 * reached / head, events/s since the start, and the time left at that pace. Positions are what
 * the ETA extrapolates (they are not event counts on every store: EventStoreDB's are offsets).
 */
export class ReplayProgress {
  private readonly startedAt = performance.now();
  private readonly from: bigint;
  private position: bigint;
  private events = 0;
  private readonly timer: NodeJS.Timeout;
  private drawn = false;

  constructor(
    private readonly label: string,
    private readonly head: bigint | null,
    private readonly out: ProgressOutput,
    /** Where the replay starts from (the lowest checkpoint kept), for the share done. */
    from: bigint | null = null,
  ) {
    this.from = from ?? 0n;
    this.position = this.from;
    this.timer = setInterval(() => this.draw(), out.isTTY ? 500 : 1_000);
    this.timer.unref();
  }

  /** A runner's onBatchCommitted listener. */
  readonly onBatch = (events: readonly RecordedEvent[]): void => {
    this.events += events.length;
    const last = events[events.length - 1];
    if (last && last.position > this.position) this.position = last.position;
  };

  /** Stops the display and says what was done. */
  finish(): ReplaySummary {
    clearInterval(this.timer);
    if (this.drawn && this.out.isTTY) this.out.write('\n');
    const seconds = (performance.now() - this.startedAt) / 1000;
    return { events: this.events, seconds, eventsPerSecond: seconds > 0 ? this.events / seconds : 0 };
  }

  private draw(): void {
    const seconds = (performance.now() - this.startedAt) / 1000;
    const rate = this.events / seconds;
    const span = this.head === null ? 0 : Number(this.head - this.from);
    const done = Number(this.position - this.from);
    const share = span > 0 ? Math.min(1, done / span) : 1;
    const eta = share > 0 && share < 1 ? (seconds * (1 - share)) / share : 0;
    const status =
      `${this.label}: position ${this.position} / ${this.head ?? 'empty'}, ` +
      `${Math.round(rate).toLocaleString('en-US')} events/s, ETA ${formatSeconds(eta)}`;
    if (this.out.isTTY) {
      const filled = Math.round(share * WIDTH);
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${Math.floor(share * 100)}%`;
      this.out.write(`\r\x1b[2K${bar} ${status}`);
    } else this.out.write(`${status}\n`);
    this.drawn = true;
  }
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m${Math.ceil(seconds % 60)}s` : `${Math.floor(minutes / 60)}h${minutes % 60}m`;
}

export function describeSummary({ events, seconds, eventsPerSecond }: ReplaySummary): string {
  return `${events.toLocaleString('en-US')} events in ${seconds.toFixed(1)} s (${Math.round(eventsPerSecond).toLocaleString('en-US')} events/s)`;
}
