import { sql } from 'kysely';
import type { Db } from '../../storage/database.js';
import { BOOST, dayOf, PREFIX_MIN, RANK_CANDIDATES, type IndexQuery, type SearchDocument, type SearchIndex } from './search-index.js';
import { indexedText } from './indexed-text.js';

/** An FTS5 query of quoted phrases: whatever the reader typed, no FTS operator survives. */
function matchExpression(phrases: readonly string[][]): string {
  return phrases.map((p) => `"${p.join(' ').replaceAll('"', '""')}"${[...p[p.length - 1]!].length >= PREFIX_MIN ? '*' : ''}`).join(' ');
}

/** SQLite: an FTS5 table (rowid = item id), ranked by bm25 with the title weighted most. */
export const sqliteSearchIndex: SearchIndex = {
  async put(db: Db, doc: SearchDocument) {
    const text = indexedText(doc);
    await sql`delete from search_documents where rowid = ${doc.itemId}`.execute(db);
    await sql`insert into search_documents (rowid, title, excerpt, body, edition, type, year, day)
      values (${doc.itemId}, ${text.title}, ${text.excerpt}, ${text.body}, ${doc.edition}, ${doc.type}, ${new Date(doc.publishedAt).getUTCFullYear()}, ${dayOf(doc.publishedAt)})`.execute(db);
  },

  async remove(db: Db, itemIds: readonly number[]) {
    if (!itemIds.length) return;
    await sql`delete from search_documents where rowid in (${sql.join(itemIds)})`.execute(db);
  },

  async clear(db: Db) {
    await sql`delete from search_documents`.execute(db);
  },

  async prune(db: Db) {
    await sql`delete from search_documents where rowid not in (select id from items where status = 'published')`.execute(db);
  },

  async query(db: Db, q: IndexQuery) {
    if (!q.phrases.length || !q.types.length) return [];
    const match = matchExpression(q.phrases);
    const filters = sql`and edition = ${q.edition} and type in (${sql.join([...q.types])}) ${q.year !== undefined ? sql`and year = ${q.year}` : sql``}`;
    // Only the RANK_CANDIDATES newest matches are ranked (see search-index.ts): FTS5 walks its
    // doclist newest first and stops there, and the rowid range keeps bm25 to those.
    const rows = await sql<{ id: number }>`select rowid as id from search_documents
      where search_documents match ${match} ${filters}
        and rowid >= coalesce((select rowid from search_documents where search_documents match ${match} ${filters} order by rowid desc limit 1 offset ${sql.lit(RANK_CANDIDATES - 1)}), 0)
      order by -bm25(search_documents, 10.0, 4.0, 1.0) * (1 + ${sql.lit(BOOST.weight)} * ${sql.lit(BOOST.halfDays)} / (${sql.lit(BOOST.halfDays)} + max(0, ${q.today} - day))) desc, day desc, rowid desc
      limit ${q.limit} offset ${q.offset}`.execute(db);
    return rows.rows.map((r) => Number(r.id));
  },
};
