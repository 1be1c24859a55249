import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely } from 'kysely';
import type { Database } from './database.types.js';
import { createSqliteDialect, openSqliteReader, type SqliteReader } from './dialects/sqlite.js';
import { createPostgresDialect } from './dialects/postgres.js';
import { openSqliteReaderPool, type SqliteReaderPool } from './sqlite-reader-pool.js';

export type { Database } from './database.types.js';
export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

export interface Storage {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
}

/** What a SQLite file database has beside its handle: its file and, opened on first use, its readers. */
interface SqliteSide {
  file: string;
  reader(): SqliteReader | undefined;
  pool(): SqliteReaderPool | undefined;
}

const sqliteSides = new WeakMap<Db, SqliteSide>();

/** The file behind a SQLite database handle (not a transaction), if it is one. */
export function sqliteFileOf(db: Db): string | undefined {
  return sqliteSides.get(db)?.file;
}

/** The read-only SQLite connection beside a database handle, if it has one (open file databases do). */
export function sqliteReaderOf(db: Db): SqliteReader | undefined {
  return sqliteSides.get(db)?.reader();
}

/** Read-only SQLite connections on worker threads beside a database handle, if it has them (open file databases do). */
export function sqliteReaderPoolOf(db: Db): SqliteReaderPool | undefined {
  return sqliteSides.get(db)?.pool();
}

/** Opens the database a URL names: `sqlite:<file>` (or `sqlite::memory:`) or `postgres://…`. */
export function openDatabase(url: string): Storage {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const db = new Kysely<Database>({ dialect: createPostgresDialect(url) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const db = new Kysely<Database>({ dialect: createSqliteDialect(file) });
    let reader: SqliteReader | undefined;
    let pool: SqliteReaderPool | undefined;
    let closed = false;
    if (file !== ':memory:') {
      // The readers open once the writer has created the file (on the first read through them).
      sqliteSides.set(db, {
        file,
        reader: () => (closed ? undefined : (reader ??= openSqliteReader(file))),
        pool: () => (closed ? undefined : (pool ??= openSqliteReaderPool(file))),
      });
    }
    return {
      db,
      dialect: 'sqlite',
      close: async () => {
        closed = true;
        reader?.close();
        await pool?.close();
        await db.destroy();
      },
    };
  }
  throw new Error(`unsupported database URL (use sqlite:<file> or postgres://…): ${url.replace(/\/\/[^@]*@/, '//…@')}`);
}
