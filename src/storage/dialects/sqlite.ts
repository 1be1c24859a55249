import SQLite from 'better-sqlite3';
import { SqliteDialect } from 'kysely';

/** SQLite through better-sqlite3, in WAL mode so readers never wait for the writer. */
export function createSqliteDialect(file: string): SqliteDialect {
  return new SqliteDialect({
    database: async () => {
      const sqlite = new SQLite(file);
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma('busy_timeout = 5000');
      return sqlite;
    },
  });
}
