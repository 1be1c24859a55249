import type { Config } from '../config/config.js';
import { rebuildSearchIndex } from '../modules/search/index.js';
import { openDatabase } from '../storage/database.js';
import { migrateToLatest } from '../storage/migrations/index.js';
import { CliUsageError } from './cli-errors.js';
import { progressBar } from './progress-bar.js';

export const REINDEX_USAGE = 'nashr reindex';

/** The progress line of a reindex: `reindexing [###---] 9/20 45%`. */
export function progressLine(done: number, total: number): string {
  return progressBar('reindexing', total ? done / total : 1, `${done}/${total}`);
}

/**
 * `nashr reindex`: rebuilds the search index of every edition from the items table (after a
 * restore, an import, or a change to how text is folded). The site keeps serving meanwhile.
 * Exit codes: 0 done, 2 wrong arguments, 1 anything else (the message says what).
 */
export async function reindex(config: Config, args: string[]): Promise<void> {
  if (args.length) throw new CliUsageError(`reindex takes no arguments\nusage: ${REINDEX_USAGE}`);
  const storage = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(storage.db);
    const started = Date.now();
    let last = '';
    const n = await rebuildSearchIndex(storage.db, (done, total) => {
      const line = progressLine(done, total);
      if (line !== last) process.stderr.write((last = line));
    });
    process.stderr.write('\n');
    console.log(`indexed ${n} published item(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await storage.close();
  }
}
