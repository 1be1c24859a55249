import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config/config.js';
import { formatReport, importWordpress, type ImportProgress, type ImportReport } from '../modules/import/index.js';
import { openDatabase } from '../storage/database.js';
import { migrateToLatest } from '../storage/migrations/index.js';
import { CliUsageError } from './cli-errors.js';
import { progressBar } from './progress-bar.js';

export const IMPORT_USAGE = 'nashr import wordpress EXPORT.xml [--uploads DIR] [--edition CODE] [--dry-run] [--mapping FILE]';

const PHASES: Record<string, string> = { reading: 'reading the file', attachments: 'attachments', items: 'posts and pages', done: 'done' };

/** One in-place line for a TTY: phase, bar, done/total. */
export function importProgressLine(p: ImportProgress): string {
  const label = (PHASES[p.phase] ?? p.phase).padEnd(16);
  if (!p.total) return `\r${label} ${p.done}`;
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  return progressBar(label, p.done / p.total, p.phase === 'reading' ? `${mb(p.done)}/${mb(p.total)}` : `${p.done}/${p.total}`);
}

/**
 * `nashr import wordpress EXPORT.xml …`: imports a WordPress export (see modules/import) and
 * prints its report. Exit codes: 0 imported (warnings are in the report), 1 the file could not
 * be imported at all (nothing was written), 2 wrong arguments.
 */
export async function importCommand(config: Config, args: string[]): Promise<void> {
  const [source, ...rest] = args;
  if (source !== 'wordpress') throw new CliUsageError(`usage: ${IMPORT_USAGE}`);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: { uploads: { type: 'string' }, edition: { type: 'string' }, 'dry-run': { type: 'boolean' }, mapping: { type: 'string' } } });
  } catch (err) {
    throw new CliUsageError(`${(err as Error).message}\nusage: ${IMPORT_USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new CliUsageError(`give exactly one export file\nusage: ${IMPORT_USAGE}`);
  const editions = config.editions.map((e) => e.code);
  if (values.edition !== undefined && !editions.includes(values.edition)) throw new CliUsageError(`unknown edition ${values.edition} (this site has ${editions.join(', ')})`);

  const storage = openDatabase(config.databaseUrl);
  const tty = process.stderr.isTTY;
  let last = '';
  let report: ImportReport;
  try {
    await migrateToLatest(storage.db);
    report = await importWordpress(storage.db, {
      file: positionals[0]!,
      uploadsDir: values.uploads,
      edition: values.edition,
      dryRun: values['dry-run'] ?? false,
      mapping: values.mapping,
      mediaDir: join(config.dataDir, 'media'),
      editions,
      editionPrefixes: Object.fromEntries(config.editions.map((e) => [e.code, e.prefix])),
      onProgress: tty
        ? (p) => {
            const line = importProgressLine(p);
            if (line !== last) process.stderr.write((last = line));
          }
        : undefined,
    });
  } finally {
    if (last) process.stderr.write('\n');
    await storage.close();
  }
  console.log(formatReport(report));
}
