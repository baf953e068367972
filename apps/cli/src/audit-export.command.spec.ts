import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvField } from './audit-export.command';
import { sooc } from './testing/sooc.run';

describe('csvField (RFC 4180)', () => {
  it('quotes a field with a comma, a quote or a line break, doubling its quotes; null is empty', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
  });
});

describe('sooc audit export', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sooc-cli-audit-'));
  const env = { SOOC_DATA_DIR: dataDir };
  let cohortId = '';
  beforeAll(async () => {
    const seeded = await sooc(['seed', '--demo', '--scale', '0.1'], env);
    if (seeded.error) throw new Error(seeded.error);
    cohortId = `cohort-${/ids tagged (\S+)/.exec(seeded.out.join('\n'))?.[1]}-spring`;
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('asks for one of --cohort and --learner', async () => {
    expect((await sooc(['audit', 'export'], env)).error).toContain('--cohort <cohortId> or --learner <learnerId>');
    expect((await sooc(['audit', 'export', '--cohort', 'a', '--learner', 'b'], env)).error).toContain('one of them');
  });

  it("writes a cohort's whole trail, oldest first, as JSON lines and as the same rows of CSV", async () => {
    const out = join(dataDir, 'trail.jsonl');
    const jsonl = await sooc(['audit', 'export', '--cohort', cohortId, '--out', out], env);
    expect(jsonl.error).toBeNull();
    const entries = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.length).toBeGreaterThan(10);
    expect(jsonl.out).toEqual([`wrote ${entries.length} audit entries to ${out}`]);
    expect(entries.every((e) => e['cohortId'] === cohortId)).toBe(true);
    const positions = entries.map((e) => BigInt(e['position'] as string));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(Object.keys(entries[0]!).sort()).toEqual(
      [
        'actor',
        'causationId',
        'cohortId',
        'correlationId',
        'data',
        'enrollmentId',
        'learnerId',
        'occurredAt',
        'position',
        'reason',
        'stream',
        'summary',
        'type',
      ].sort(),
    );

    const csv = await sooc(['audit', 'export', '--cohort', cohortId, '--format', 'csv'], env);
    expect(csv.error).toBeNull();
    expect(csv.out[0]).toBe(
      'position,occurredAt,type,stream,actorId,actorRole,correlationId,causationId,cohortId,learnerId,enrollmentId,summary,reason,data\r',
    );
    expect(csv.out).toHaveLength(entries.length + 1);
    expect(csv.out[1]!.startsWith(`${entries[0]!['position']},${entries[0]!['occurredAt']},`)).toBe(true);
  });

  it("opens a learner's personal data for the auditor while their key exists, and shows [erased] after erasure", async () => {
    const cohortTrail = await sooc(['audit', 'export', '--cohort', cohortId], env);
    const submitted = cohortTrail.out
      .map((line) => JSON.parse(line) as { type: string; learnerId: string | null; data: { dossier?: unknown } })
      .find((e) => e.type === 'ApplicationSubmitted' && e.learnerId);
    expect(submitted).toBeDefined();
    const learnerId = submitted!.learnerId!;

    const before = await sooc(['audit', 'export', '--learner', learnerId], env);
    expect(before.error).toBeNull();
    expect(before.out.join('\n')).not.toContain('pd1:');
    const dossier = (JSON.parse(before.out[0]!) as { data: { dossier: { motivation: string } } }).data.dossier;
    expect(dossier.motivation).not.toBe('[erased]');
    expect(dossier.motivation.length).toBeGreaterThan(0);

    const erased = await sooc(['learner', 'erase', learnerId, '--reason', 'request by e-mail'], env);
    expect(erased.error).toBeNull();
    const after = await sooc(['audit', 'export', '--learner', learnerId], env);
    expect(after.out.join('\n')).not.toContain(dossier.motivation);
    expect(after.out.join('\n')).toContain('[erased]');
    expect(after.out.length).toBeGreaterThanOrEqual(before.out.length);
  });
});
