import SQLite from 'better-sqlite3';
import { SqliteDialect } from 'kysely';

/** What the write-ahead log file is cut back to once it starts over (SQLite leaves it as large as it ever grew). */
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/** How many prepared statements to keep; queries with IN lists of varying length make distinct texts. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; preparing costs more than running most of nashr's queries.
 * Reuse a prepared statement for each distinct SQL text instead (SQLite re-prepares it itself
 * after a schema change).
 */
function cacheStatements(sqlite: SQLite.Database): void {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
      statement = prepare(source);
      cache.set(source, statement);
    }
    return statement;
  }) as typeof sqlite.prepare;
}

/** A read-only connection of its own: it sees only committed data, never a write in progress. */
export interface SqliteReader {
  all(sql: string, parameters: readonly unknown[]): unknown[];
  close(): void;
}

/**
 * Opens a second, read-only connection to the database file for the public pages' hot queries.
 * In WAL mode it reads while the writer writes, and it skips Kysely's per-query connection
 * handling, which costs more than the queries themselves.
 */
export function openSqliteReader(file: string): SqliteReader {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  cacheStatements(sqlite);
  return {
    all: (sql, parameters) => sqlite.prepare(sql).all(...parameters),
    close: () => sqlite.close(),
  };
}

/** SQLite through better-sqlite3, in WAL mode so readers never wait for the writer. */
export function createSqliteDialect(file: string): SqliteDialect {
  return new SqliteDialect({
    database: async () => {
      const sqlite = new SQLite(file);
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
      // A burst of writes can outrun the background checkpoints and grow the log to hundreds of
      // megabytes; once it has been copied back and starts over, it is cut back to this size.
      sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma('busy_timeout = 5000');
      cacheStatements(sqlite);
      return sqlite;
    },
  });
}
