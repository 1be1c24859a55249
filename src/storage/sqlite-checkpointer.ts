import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import { sqliteFileOf, type Db } from './database.js';

/** How often the background thread copies the write-ahead log into the database file. */
const EVERY_MS = 250;
/** SQLite's own default, restored on the writer if the background thread stops. */
const AUTO_CHECKPOINT_PAGES = 1000;

// Plain CommonJS, run by the worker thread: a connection of its own that checkpoints on a timer.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (err) { parentPort.postMessage(String(err && err.message || err)); }
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

/**
 * Moves SQLite's checkpoints (copying the write-ahead log into the database file, with an fsync)
 * off the main thread. By default the connection that commits runs one whenever the log passes a
 * thousand pages, inside that commit: every request waiting on the event loop waits for the
 * disk, and under a burst of writes (readers posting comments) that shows as the slowest
 * answers. Here the writer stops checkpointing and a worker thread with a connection of its own
 * runs a passive checkpoint (it never blocks a reader or the writer) four times a second. If the
 * thread fails, the writer checkpoints itself again. Returns how to stop; a no-op for anything
 * but a SQLite file.
 */
export async function checkpointInBackground(db: Db, onError: (message: string) => void = () => {}): Promise<() => Promise<void>> {
  const file = sqliteFileOf(db);
  if (!file) return async () => {};
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, everyMs: EVERY_MS } });
  worker.unref();
  let stopped = false;
  const writerCheckpoints = (pages: number) => sql.raw(`pragma wal_autocheckpoint = ${pages}`).execute(db).then(() => {}, () => {});
  worker.on('message', (message: string) => onError(message));
  worker.on('error', (err) => onError(err.message));
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      if (!stopped) void writerCheckpoints(AUTO_CHECKPOINT_PAGES);
      resolve();
    }),
  );
  await writerCheckpoints(0);
  return async () => {
    if (stopped) return;
    stopped = true;
    worker.ref(); // (an unreferenced thread would let the process end while this waits)
    worker.postMessage('stop');
    await exited;
  };
}
