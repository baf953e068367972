import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '@sooc/timing';
import { ClockFileError, clockFromEnv, fileClock } from './clock';
import { ConfigError } from './config.error';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('clockFromEnv', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sooc-clock-'));
    file = join(dir, 'now.txt');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const setTime = (iso: string) => {
    writeFileSync(`${file}.tmp`, iso);
    renameSync(`${file}.tmp`, file);
  };

  it('without SOOC_CLOCK_FILE (or with it empty) is the system clock', () => {
    expect(clockFromEnv({})).toBe(systemClock);
    expect(clockFromEnv({ SOOC_CLOCK_FILE: '  ' })).toBe(systemClock);
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('with SOOC_CLOCK_FILE tells the instant written in the file, standing still until the file changes', async () => {
    setTime('2026-03-03T09:00:00Z\n');
    const clock = clockFromEnv({ SOOC_CLOCK_FILE: file });
    expect(clock.now().toISOString()).toBe('2026-03-03T09:00:00.000Z');
    await sleep(60);
    expect(clock.now().toISOString()).toBe('2026-03-03T09:00:00.000Z');

    setTime('2026-03-03T11:30:00.250+01:00');
    await sleep(60);
    expect(clock.now().toISOString()).toBe('2026-03-03T10:30:00.250Z');
  });

  it('reads the file at most every 50 ms, however often it is asked', async () => {
    setTime('2026-03-03T09:00:00Z');
    const clock = fileClock(file);
    setTime('2026-03-03T12:00:00Z');
    // Asked right away: still the instant read at creation.
    expect(clock.now().toISOString()).toBe('2026-03-03T09:00:00.000Z');
    await sleep(60);
    expect(clock.now().toISOString()).toBe('2026-03-03T12:00:00.000Z');
  });

  it('a caller changing the Date it got does not move the clock', () => {
    setTime('2026-03-03T09:00:00Z');
    const clock = fileClock(file);
    clock.now().setFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-03-03T09:00:00.000Z');
  });

  it('a missing file at start is a config error naming the variable and the file', () => {
    const error = catchError(() => clockFromEnv({ SOOC_CLOCK_FILE: file }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(
      `SOOC_CLOCK_FILE="${file}": expected a file holding an ISO-8601 instant`,
    );
    expect((error as ConfigError).message).toContain('(no such file)');
  });

  it('a file without an instant at start is a config error quoting what it holds', () => {
    for (const text of ['tomorrow', '', '2026-03-03', '2026-03-03T09:00:00', '2026-13-45T09:00:00Z']) {
      setTime(text);
      const error = catchError(() => clockFromEnv({ SOOC_CLOCK_FILE: file }));
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toContain(`SOOC_CLOCK_FILE="${file}"`);
      expect((error as ConfigError).message).toContain(`it holds ${JSON.stringify(text)}`);
    }
  });

  it('a file that disappears or goes bad later makes now() fail, naming the variable and the file', async () => {
    setTime('2026-03-03T09:00:00Z');
    const clock = fileClock(file);
    setTime('soon');
    await sleep(60);
    expect(() => clock.now()).toThrow(ClockFileError);
    expect(() => clock.now()).toThrow(`SOOC_CLOCK_FILE="${file}": expected a file holding an ISO-8601 instant`);
    rmSync(file);
    expect(() => clock.now()).toThrow('(no such file)');
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
