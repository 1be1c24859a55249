import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The search index of published items (see modules/search). The two dialects index differently,
 * so this is the one migration that speaks each one's SQL: an FTS5 table on SQLite, a table with
 * a tsvector column and a GIN index on PostgreSQL. Both are filled by `nashr reindex` or as items
 * are published; the migration itself indexes nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create table search_documents (
      item_id integer primary key references items(id) on delete cascade,
      edition text not null,
      type text not null,
      year integer not null,
      day integer not null,
      document tsvector not null
    )`.execute(db);
    await sql`create index search_documents_document on search_documents using gin (document)`.execute(db);
    await sql`create index search_documents_edition on search_documents (edition, type, year)`.execute(db);
    return;
  }
  // rowid is the item id; the unindexed columns filter and rank without a join.
  await sql`create virtual table search_documents using fts5(
    title, excerpt, body,
    edition unindexed, type unindexed, year unindexed, day unindexed,
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists search_documents`.execute(db);
}
