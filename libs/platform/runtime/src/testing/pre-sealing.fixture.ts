import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The learners of the fixture and the motivation each wrote, in clear, before sealing existed. */
export const PRE_SEALING_MOTIVATIONS: Readonly<Record<string, string>> = {
  ada: 'Zebulon-Quaxley-motivation-ada wants to learn',
  grace: 'Marguerite-Fenwhistle-motivation-grace wants to learn',
  linus: 'Ottoline-Brackenbury-motivation-linus wants to learn',
};
export const PRE_SEALING_COHORT = 'spring';

/** A fresh copy of the fixture's data directory (see fixtures/README.md). */
export function preSealingDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sooc-pre-sealing-'));
  execFileSync('tar', ['xzf', join(__dirname, 'fixtures', 'pre-sealing-data-dir.tar.gz'), '-C', dir]);
  return dir;
}
