import { renameSync, writeFileSync } from 'node:fs';

/** The test's side of SOOC_CLOCK_FILE: writes the instant atomically (a reader never sees half a file). */
export class FileClockWriter {
  private current: Date;

  constructor(
    readonly file: string,
    start: Date,
  ) {
    this.current = start;
    this.write();
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  advance(hours: number): void {
    this.current = new Date(this.current.getTime() + hours * 3_600_000);
    this.write();
  }

  private write(): void {
    writeFileSync(`${this.file}.tmp`, `${this.current.toISOString()}\n`);
    renameSync(`${this.file}.tmp`, this.file);
  }
}
