import type { RecordedEvent } from '@sooc/event-sourcing';

/** Most events whose reactions are under way at once (the reader waits for the oldest beyond it). */
export const MAX_EVENTS_IN_FLIGHT = 1_000;

interface Entry {
  readonly event: RecordedEvent;
  /** null while its reactions are under way; false when one was left for the next start. */
  handled: boolean | null;
}

/**
 * The events the reactor has read and sent the reactions of, oldest first. Their reactions
 * complete in any order (streams run side by side), but an event only counts as handled once it
 * and every event before it are done: the checkpoint never passes an event whose reactions may
 * still be lost. One left unhandled (the reactor stopped while the store was failing) holds the
 * line for good; what follows it is sent again by the next start.
 */
export class EventsInFlight {
  private readonly entries: Entry[] = [];
  private added = 0;
  private handled = 0;
  private wakeUps: (() => void)[] = [];

  constructor(
    private readonly onHandled: (event: RecordedEvent) => void,
    private readonly limit = MAX_EVENTS_IN_FLIGHT,
  ) {}

  get size(): number {
    return this.entries.length;
  }

  /** `done` resolves true once all the event's reactions were answered (written or refused), false if one was not. */
  add(event: RecordedEvent, done: Promise<boolean>): void {
    const entry: Entry = { event, handled: null };
    this.entries.push(entry);
    this.added++;
    void done.then((handled) => {
      entry.handled = handled;
      while (this.entries[0]?.handled === true) {
        this.handled++;
        this.onHandled((this.entries.shift() as Entry).event);
      }
      this.wake();
    });
  }

  /** Waits until one more event fits; false when the oldest was left unhandled (it never will). */
  async room(): Promise<boolean> {
    while (this.entries.length >= this.limit) {
      if (this.entries[0].handled === false) return false;
      await this.change();
    }
    return true;
  }

  /** Waits until every event added so far is handled (later ones may still be under way); false when one was left unhandled. */
  async handledSoFar(): Promise<boolean> {
    const target = this.added;
    while (this.handled < target) {
      if (this.entries[0].handled === false) return false;
      await this.change();
    }
    return true;
  }

  /** Waits until no event's reactions are under way any more, handled or not. */
  async settled(): Promise<void> {
    while (this.entries.some((e) => e.handled === null)) await this.change();
  }

  private change(): Promise<void> {
    return new Promise((resolve) => this.wakeUps.push(resolve));
  }

  private wake(): void {
    const wakeUps = this.wakeUps;
    this.wakeUps = [];
    for (const wakeUp of wakeUps) wakeUp();
  }
}
