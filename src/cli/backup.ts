import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../config/config.js';
import { backupSqliteFile } from '../storage/sqlite-backup.js';
import { CliUsageError } from './cli-errors.js';
import { progressBar } from './progress-bar.js';

export const BACKUP_USAGE = 'nashr backup FILE';

/**
 * `nashr backup FILE`: a consistent copy of the SQLite database in FILE, while the site keeps
 * running (see sqlite-backup.ts). The media folder is plain files: the message says where it is.
 * Exit codes: 0 done, 2 wrong arguments (no FILE, FILE exists, a PostgreSQL database), 1 anything
 * else (the message says what; FILE is then not written).
 */
export async function backup(config: Config, args: string[]): Promise<void> {
  if (args.length !== 1 || args[0]!.startsWith('-')) throw new CliUsageError(`backup takes one argument, the file to write\nusage: ${BACKUP_USAGE}`);
  if (!config.databaseUrl.startsWith('sqlite:')) {
    throw new CliUsageError('the database is PostgreSQL: back it up with pg_dump (see "Backups" in the README); this command copies a SQLite database');
  }
  const file = config.databaseUrl.slice('sqlite:'.length);
  if (file === ':memory:') throw new CliUsageError('the database is in memory: there is nothing to back up');
  const dest = resolve(args[0]!);
  if (existsSync(dest)) throw new CliUsageError(`${dest} already exists: name a new file (a backup never overwrites one)`);
  if (!existsSync(dirname(dest))) throw new Error(`the folder ${dirname(dest)} does not exist`);
  if (!existsSync(file)) throw new Error(`there is no database at ${file} (is NASHR_DATA_DIR or NASHR_DATABASE_URL right?)`);
  const started = Date.now();
  let last = '';
  const { pages } = await backupSqliteFile(file, dest, (done, total) => {
    const line = progressBar('backing up', total ? done / total : 1, `${done}/${total} pages`);
    if (line !== last) process.stderr.write((last = line));
  });
  process.stderr.write('\n');
  const mb = (statSync(dest).size / 1048576).toFixed(1);
  console.log(`backed up the database (${pages} pages, ${mb} MB) to ${dest} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`uploads and generated images are files in ${join(config.dataDir, 'media')}: copy that folder too`);
}
