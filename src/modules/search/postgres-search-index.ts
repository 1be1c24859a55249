import { sql } from 'kysely';
import type { Db } from '../../storage/database.js';
import { BOOST, dayOf, PREFIX_MIN, RANK_CANDIDATES, type IndexQuery, type SearchDocument, type SearchIndex } from './search-index.js';
import { indexedText } from './indexed-text.js';

/** Entries to an insert (each row's text is a parameter or three: far under PostgreSQL's limit). */
const ROWS_PER_INSERT = 100;

/** A tsquery of quoted words, each phrase's words adjacent (<->), phrases joined by AND: whatever the reader typed, no operator survives. */
function tsquery(phrases: readonly string[][]): string {
  const word = (t: string, last: boolean) => `'${t.replace(/['\\]/g, '')}'${last && [...t].length >= PREFIX_MIN ? ':*' : ''}`;
  return phrases.map((p) => `(${p.map((t, i) => word(t, i === p.length - 1)).join(' <-> ')})`).join(' & ');
}

/**
 * PostgreSQL: a tsvector of the folded text with the 'simple' configuration (no stemming: the
 * folding is ours, the same as SQLite's), title weight A, excerpt B, body D, under a GIN index;
 * ranked by ts_rank_cd.
 */
export const postgresSearchIndex: SearchIndex = {
  async put(db: Db, docs: readonly SearchDocument[]) {
    for (let i = 0; i < docs.length; i += ROWS_PER_INSERT) {
      const rows = docs.slice(i, i + ROWS_PER_INSERT).map((doc) => {
        const text = indexedText(doc);
        return sql`(${doc.itemId}, ${doc.edition}, ${doc.type}, ${new Date(doc.publishedAt).getUTCFullYear()}, ${dayOf(doc.publishedAt)},
          setweight(to_tsvector('simple', ${text.title}), 'A') || setweight(to_tsvector('simple', ${text.excerpt}), 'B') || setweight(to_tsvector('simple', ${text.body}), 'D'))`;
      });
      await sql`insert into search_documents (item_id, edition, type, year, day, document) values ${sql.join(rows)}
        on conflict (item_id) do update set edition = excluded.edition, type = excluded.type, year = excluded.year, day = excluded.day, document = excluded.document`.execute(db);
    }
  },

  async remove(db: Db, itemIds: readonly number[]) {
    if (!itemIds.length) return;
    await sql`delete from search_documents where item_id in (${sql.join(itemIds)})`.execute(db);
  },

  async clear(db: Db) {
    await sql`delete from search_documents`.execute(db);
  },

  async prune(db: Db) {
    await sql`delete from search_documents where item_id not in (select id from items where status = 'published')`.execute(db);
  },

  async query(db: Db, q: IndexQuery) {
    if (!q.phrases.length || !q.types.length) return [];
    const query = sql`to_tsquery('simple', ${tsquery(q.phrases)})`;
    const filters = sql`and edition = ${q.edition} and type in (${sql.join([...q.types])}) ${q.year !== undefined ? sql`and year = ${q.year}` : sql``}`;
    // Only the RANK_CANDIDATES newest matches are ranked, as on SQLite (see search-index.ts).
    const rows = await sql<{ id: number }>`select item_id as id from search_documents
      where document @@ ${query} ${filters}
        and item_id >= coalesce((select item_id from search_documents where document @@ ${query} ${filters} order by item_id desc limit 1 offset ${sql.lit(RANK_CANDIDATES - 1)}), 0)
      order by ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', document, ${query})::float8 * (1 + ${sql.lit(BOOST.weight)} * ${sql.lit(BOOST.halfDays)}::float8 / (${sql.lit(BOOST.halfDays)} + greatest(0, ${q.today}::integer - day))) desc, day desc, item_id desc
      limit ${q.limit} offset ${q.offset}`.execute(db);
    return rows.rows.map((r) => Number(r.id));
  },
};
