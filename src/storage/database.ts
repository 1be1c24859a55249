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

const readers = new WeakMap<Db, () => SqliteReader>();

const readerPools = new WeakMap<Db, () => SqliteReaderPool>();

const sqliteFiles = new WeakMap<Db, string>();

/** The file behind a SQLite database handle (not a transaction), if it is one. */
export function sqliteFileOf(db: Db): string | undefined {
  return sqliteFiles.get(db);
}

/** The read-only SQLite connection beside a database handle, if it has one (file databases do). */
export function sqliteReaderOf(db: Db): SqliteReader | undefined {
  return readers.get(db)?.();
}

/** Read-only SQLite connections on worker threads beside a database handle, if it has them (file databases do). */
export function sqliteReaderPoolOf(db: Db): SqliteReaderPool | undefined {
  return readerPools.get(db)?.();
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
    if (file !== ':memory:') {
      // The readers open once the writer has created the file (on the first read through them).
      readers.set(db, () => (reader ??= openSqliteReader(file)));
      readerPools.set(db, () => (pool ??= openSqliteReaderPool(file)));
      sqliteFiles.set(db, file);
    }
    return {
      db,
      dialect: 'sqlite',
      close: async () => {
        readers.delete(db);
        readerPools.delete(db);
        reader?.close();
        await pool?.close();
        await db.destroy();
      },
    };
  }
  throw new Error(`unsupported database URL (use sqlite:<file> or postgres://…): ${url.replace(/\/\/[^@]*@/, '//…@')}`);
}
