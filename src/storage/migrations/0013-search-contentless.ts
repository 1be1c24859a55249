import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * SQLite's search index without a copy of the text. 0006 made an FTS5 table that stored every
 * column, the folded body included, with the filter columns (edition, type, year, day) after it:
 * to filter or rank a match SQLite read the whole row, body and all, for each of up to a thousand
 * candidates (a search over 100,000 items spent most of its time there). The new table keeps
 * only the index and the four filter columns (`contentless_unindexed`), and allows deletes
 * (`contentless_delete`); the text is the items' own. The words already indexed are copied over,
 * so no reindex is needed. PostgreSQL's index is unchanged.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  // (an FTS5 table made contentless cannot be renamed: the old one moves aside instead)
  await sql`alter table search_documents rename to search_documents_0006`.execute(db);
  await sql`create virtual table search_documents using fts5(
    title, excerpt, body,
    edition unindexed, type unindexed, year unindexed, day unindexed,
    content = '', contentless_delete = 1, contentless_unindexed = 1,
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`insert into search_documents (rowid, title, excerpt, body, edition, type, year, day)
    select rowid, title, excerpt, body, edition, type, year, day from search_documents_0006`.execute(db);
  await sql`drop table search_documents_0006`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  // The text is not kept: the old table comes back empty (`nashr reindex` fills it).
  await sql`drop table if exists search_documents`.execute(db);
  await sql`create virtual table search_documents using fts5(
    title, excerpt, body,
    edition unindexed, type unindexed, year unindexed, day unindexed,
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
}
