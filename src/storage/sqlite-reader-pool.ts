import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

// Plain CommonJS, run by each worker thread: a read-only connection of its own that runs the
// statements it is sent (prepared once per SQL text) and answers with the rows or the error.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const statements = new Map();
parentPort.on('message', ({ id, sql, parameters }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= 100) statements.clear();
      statements.set(sql, (statement = db.prepare(sql)));
    }
    parentPort.postMessage({ id, rows: statement.all(...parameters) });
  } catch (err) {
    parentPort.postMessage({ id, error: String((err && err.message) || err) });
  }
});
`;

interface Pending {
  resolve: (rows: unknown[]) => void;
  reject: (err: Error) => void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

/** Read-only connections on worker threads: a query that takes milliseconds of SQLite's time runs there, not on the event loop. */
export interface SqliteReaderPool {
  all(sql: string, parameters: readonly unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

/**
 * A pool of worker threads, each with a read-only connection to the SQLite file (committed data
 * only, as the main thread's reader sees it). Meant for the few queries costly enough to hold up
 * every other request while they run: full-text ranking. On a machine with two CPUs two of them
 * run at once beside the event loop, which meanwhile answers everything else. Threads start on
 * first use, are not kept alive for the process's sake when idle, and one that dies fails only
 * the queries it held (the next query starts a new one).
 */
export function openSqliteReaderPool(file: string, size = Math.min(2, availableParallelism())): SqliteReaderPool {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const threads: (Thread | undefined)[] = new Array(size).fill(undefined);
  let nextId = 0;
  let turn = 0;
  let closed = false;

  const start = (slot: number): Thread => {
    const worker = new Worker(WORKER, { eval: true, workerData: { file, driver } });
    worker.unref();
    const thread: Thread = { worker, pending: new Map() };
    const settle = (id: number) => {
      const p = thread.pending.get(id);
      thread.pending.delete(id);
      if (thread.pending.size === 0) worker.unref();
      return p;
    };
    worker.on('message', (m: { id: number; rows?: unknown[]; error?: string }) => {
      const p = settle(m.id);
      if (m.error !== undefined) p?.reject(new Error(m.error));
      else p?.resolve(m.rows!);
    });
    const fail = (err: Error) => {
      if (threads[slot] === thread) threads[slot] = undefined;
      for (const id of [...thread.pending.keys()]) settle(id)?.reject(err);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the SQLite reader thread stopped (${code})`)));
    return thread;
  };

  return {
    all(sql, parameters) {
      if (closed) return Promise.reject(new Error('the SQLite reader pool is closed'));
      // The thread with the fewest queries waiting (round robin between equals).
      let slot = turn++ % size;
      for (let i = 0; i < size; i++) if ((threads[i]?.pending.size ?? 0) < (threads[slot]?.pending.size ?? 0)) slot = i;
      const thread = (threads[slot] ??= start(slot));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        thread.worker.ref();
        thread.worker.postMessage({ id, sql, parameters });
      });
    },
    async close() {
      closed = true;
      await Promise.all(threads.map((t) => t?.worker.terminate()));
    },
  };
}
