import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Command, Option } from 'commander';
import { auditRecordOf, auditTrail, type AuditRecord, type ComplianceReadDb } from '@sooc/compliance-read-models';
import { loadStoreConfig, openStores } from '@sooc/runtime';
import type { ProgressOutput } from './replay.progress';

interface ExportOptions {
  readonly cohort?: string;
  readonly learner?: string;
  readonly format: 'jsonl' | 'csv';
  readonly out?: string;
}

const PAGE = 200;
const COLUMNS = [
  'position',
  'occurredAt',
  'type',
  'stream',
  'actorId',
  'actorRole',
  'correlationId',
  'causationId',
  'cohortId',
  'learnerId',
  'enrollmentId',
  'summary',
  'reason',
  'data',
] as const;

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
export function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function flat(record: AuditRecord): Record<(typeof COLUMNS)[number], string | null> {
  return {
    position: record.position,
    occurredAt: record.occurredAt,
    type: record.type,
    stream: record.stream,
    actorId: record.actor.id,
    actorRole: record.actor.role,
    correlationId: record.correlationId,
    causationId: record.causationId,
    cohortId: record.cohortId,
    learnerId: record.learnerId,
    enrollmentId: record.enrollmentId,
    summary: record.summary,
    reason: record.reason,
    data: JSON.stringify(record.data),
  };
}

/**
 * `sooc audit export`: one cohort's or one learner's audit trail, every entry in the order it
 * happened, paged through the read model. Personal data is opened for the auditor as the API opens
 * it for the compliance role: in clear while the learner's key exists, `[erased]` once they are erased.
 * The file is written owner-only (0600); an export made before an erasure is the operator's to delete.
 */
function exportCommand(env: NodeJS.ProcessEnv, print: (line: string) => void, progressOut: ProgressOutput) {
  return new Command('export')
    .description('Write the audit trail of a cohort or a learner as JSON lines or CSV (RFC 4180), oldest first')
    .option('--cohort <cohortId>', 'the entries about this cohort and its applications')
    .option('--learner <learnerId>', "the entries about this learner's applications and data")
    .addOption(
      new Option('--format <format>', 'jsonl: one JSON object a line; csv: a header and one row an entry')
        .choices(['jsonl', 'csv'])
        .default('jsonl'),
    )
    .option('--out <file>', 'write to this file (owner-only) instead of printing')
    .action(async (options: ExportOptions, command: Command) => {
      if (Boolean(options.cohort) === Boolean(options.learner))
        command.error('say whose trail: --cohort <cohortId> or --learner <learnerId> (one of them)');
      const stores = await openStores(loadStoreConfig(env));
      const file = options.out ? createWriteStream(options.out, { mode: 0o600 }) : null;
      const write = async (line: string) => {
        // RFC 4180 ends CSV records with CRLF; print adds the LF.
        if (!file) return print(options.format === 'csv' ? `${line}\r` : line);
        if (!file.write(`${line}${options.format === 'csv' ? '\r\n' : '\n'}`)) await once(file, 'drain');
      };
      let written = 0;
      try {
        const db = stores.readDatabase.db as unknown as ComplianceReadDb;
        const filter = options.cohort ? { cohortId: options.cohort } : { learnerId: options.learner };
        if (options.format === 'csv') await write(COLUMNS.join(','));
        let after: string | null = null;
        for (;;) {
          const page = await auditTrail(db, { filter, first: PAGE, after });
          for (const row of page.entries) {
            const record = await stores.personalData.reveal(auditRecordOf(row));
            const fields = flat(record);
            await write(
              options.format === 'csv' ? COLUMNS.map((c) => csvField(fields[c])).join(',') : JSON.stringify(record),
            );
          }
          written += page.entries.length;
          progressOut.write(`audit export: ${written} / ${page.totalCount} entries\n`);
          if (!page.hasNextPage) break;
          after = page.endCursor;
        }
      } finally {
        if (file) {
          file.end();
          await once(file, 'close');
        }
        await stores.close();
      }
      if (options.out) print(`wrote ${written} audit entries to ${options.out}`);
    });
}

/** `sooc audit …`: the compliance audit trail at the console. */
export function auditCommand(env: NodeJS.ProcessEnv, print: (line: string) => void, progressOut: ProgressOutput) {
  return new Command('audit')
    .description('The audit trail: who did what, when and why')
    .addCommand(exportCommand(env, print, progressOut));
}
