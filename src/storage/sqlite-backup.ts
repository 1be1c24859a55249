import { renameSync, rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';

/** Pages copied per step: small steps let the server's writes in between. */
const PAGES_PER_STEP = 1000;

/**
 * Copies a SQLite database file to `dest` with SQLite's online backup: a consistent snapshot even
 * while the server reads and writes (a plain file copy of a database in WAL mode can catch it
 * half-written). The copy goes to `dest.partial` first and is checked (`quick_check`) before it
 * takes its name, so `dest` is either a whole, sound backup or absent; it is one file, without a
 * write-ahead log beside it. `dest` must not exist.
 */
export async function backupSqliteFile(file: string, dest: string, onProgress: (done: number, total: number) => void = () => {}): Promise<{ pages: number }> {
  const partial = `${dest}.partial`;
  const source = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    rmSync(partial, { force: true });
    const { totalPages } = await source.backup(partial, {
      progress: ({ totalPages: total, remainingPages }) => {
        onProgress(total - remainingPages, total);
        return PAGES_PER_STEP;
      },
    });
    const copy = new SQLite(partial, { fileMustExist: true });
    try {
      // One self-contained file (the source's WAL mode came along in the header).
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`the copy failed its check: ${String(check)}`);
    } finally {
      copy.close();
    }
    renameSync(partial, dest);
    onProgress(totalPages, totalPages);
    return { pages: totalPages };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    source.close();
  }
}
