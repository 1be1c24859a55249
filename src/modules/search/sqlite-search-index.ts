import { sql } from 'kysely';
import type { Db } from '../../storage/database.js';
import { preparedQuery } from '../../storage/prepared-query.js';
import { BOOST, dayOf, PREFIX_MIN, RANK_CANDIDATES, type IndexQuery, type SearchDocument, type SearchIndex } from './search-index.js';
import { indexedText } from './indexed-text.js';

/** Entries to an insert: eight values each, well under SQLite's variable limit. */
const ROWS_PER_INSERT = 100;

/** An FTS5 query of quoted phrases: whatever the reader typed, no FTS operator survives. */
function matchExpression(phrases: readonly string[][]): string {
  return phrases.map((p) => `"${p.join(' ').replaceAll('"', '""')}"${[...p[p.length - 1]!].length >= PREFIX_MIN ? '*' : ''}`).join(' ');
}

/**
 * One page of matches, best first. Only the RANK_CANDIDATES newest matches are ranked (see
 * search-index.ts): FTS5 walks its doclist newest first and stops there, scoring each row as it
 * goes (bm25 reads only the index; the filter columns are the table's only stored values), and
 * the page is sorted out of those. Compiled once per shape and run on a reader thread: ranking a
 * common word costs a few milliseconds of SQLite's time, which the event loop spends answering
 * other requests meanwhile.
 */
const ranked = preparedQuery(
  (db, a: { match: string; edition: string; types: readonly string[]; year: number | undefined; today: number; limit: number; offset: number }) => {
    const query = sql<{ id: number }>`select id from (
        select rowid as id, bm25(search_documents, 10.0, 4.0, 1.0) as relevance, day from search_documents
        where search_documents match ${a.match} and edition = ${a.edition} and type in (${sql.join([...a.types])}) ${a.year !== undefined ? sql`and year = ${a.year}` : sql``}
        order by rowid desc limit ${sql.lit(RANK_CANDIDATES)}
      )
      order by -relevance * (1 + ${sql.lit(BOOST.weight)} * ${sql.lit(BOOST.halfDays)} / (${sql.lit(BOOST.halfDays)} + max(0, ${a.today} - day))) desc, day desc, id desc
      limit ${sql.lit(a.limit)} offset ${a.offset}`;
    return { compile: () => query.compile(db) };
  },
  ['limit'],
  { offThread: true },
);

/** SQLite: a contentless FTS5 table (rowid = item id; see migration 0013), ranked by bm25 with the title weighted most. */
export const sqliteSearchIndex: SearchIndex = {
  async put(db: Db, docs: readonly SearchDocument[]) {
    if (!docs.length) return;
    await sqliteSearchIndex.remove(db, docs.map((d) => d.itemId));
    for (let i = 0; i < docs.length; i += ROWS_PER_INSERT) {
      const rows = docs.slice(i, i + ROWS_PER_INSERT).map((doc) => {
        const text = indexedText(doc);
        return sql`(${doc.itemId}, ${text.title}, ${text.excerpt}, ${text.body}, ${doc.edition}, ${doc.type}, ${new Date(doc.publishedAt).getUTCFullYear()}, ${dayOf(doc.publishedAt)})`;
      });
      await sql`insert into search_documents (rowid, title, excerpt, body, edition, type, year, day) values ${sql.join(rows)}`.execute(db);
    }
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
    const rows = await ranked(db, { match: matchExpression(q.phrases), edition: q.edition, types: q.types, year: q.year, today: q.today, limit: q.limit, offset: q.offset });
    return rows.map((r) => Number(r.id));
  },
};
