import type { Insertable } from 'kysely';
import type { Db } from '../../storage/database.js';
import { newItemRows } from '../content/index.js';
import type { ItemBodyTable, ItemTable, ItemTagTable } from '../content/item.table.js';
import { rowsInsert } from './rows-insert.js';

/** A new item as the import makes it: createItem's input, less what an import never gives (details, photos, source line). */
export interface NewItemInput {
  edition: string;
  type: string;
  slug: string;
  title: string;
  excerpt: string;
  /** converted from WordPress, not yet sanitized */
  bodyHtml: string;
  status: 'draft' | 'pending' | 'scheduled' | 'published';
  publishedAt: string;
  authorId: number | null;
  featuredMediaId: number | null;
  categoryId: number | null;
  parentId: number | null;
  translationKey: string | null;
  tagIds: number[];
  pinned: boolean;
}

const ITEM_COLUMNS = [
  'edition', 'type', 'slug', 'title', 'excerpt', 'status', 'published_at', 'created_at', 'updated_at', 'author_id',
  'source_line', 'featured_media_id', 'category_id', 'parent_id', 'translation_key', 'details', 'seo_title', 'seo_description', 'pinned',
] as const;

const insertItems = rowsInsert(ITEM_COLUMNS, (db, rows) =>
  db
    .insertInto('items')
    .values(rows as unknown as Insertable<ItemTable>[])
    .returning(['id', 'edition', 'slug']),
);
const insertBodies = rowsInsert(['item_id', 'body_html'], (db, rows) => db.insertInto('item_bodies').values(rows as unknown as Insertable<ItemBodyTable>[]));
const insertTags = rowsInsert(['item_id', 'tag_id'], (db, rows) => db.insertInto('item_tags').values(rows as unknown as Insertable<ItemTagTable>[]));

interface Waiting {
  edition: string;
  slug: string;
  /** the item's row, in ITEM_COLUMNS order */
  row: unknown[];
  body: string;
  tagIds: number[];
  made(id: number): Promise<void>;
}

/** Rows to a statement: 19 columns each, well under SQLite's and PostgreSQL's variable limits. */
const ITEMS_PER_INSERT = 200;
const TAGS_PER_INSERT = 500;

/**
 * A batch's new items, written together: the rows createItem writes (newItemRows: checked, the
 * body sanitized), but many to a statement, their ids read back by edition and
 * slug (unique together; RETURNING promises no order). The caller brings their search entries
 * in step, as with createItem's `indexLater`.
 */
export class NewItems {
  private waiting: Waiting[] = [];

  get size(): number {
    return this.waiting.length;
  }

  /** Checks and sanitizes the item now; `made(id)` is called once it is inserted (see flush). */
  add(input: NewItemInput, made: (id: number) => Promise<void>): void {
    const { row, bodyHtml, tagIds } = newItemRows(input);
    const values: Record<string, unknown> = { ...row, seo_title: null, seo_description: null };
    this.waiting.push({
      edition: row.edition,
      slug: row.slug,
      row: ITEM_COLUMNS.map((c) => values[c]),
      body: bodyHtml,
      tagIds,
      made,
    });
  }

  /** Inserts the waiting items, their bodies and tag links (inside the batch's transaction), then tells each its id. */
  async flush(db: Db): Promise<void> {
    const waiting = this.waiting;
    this.waiting = [];
    const ids = new Map<string, number>();
    for (let i = 0; i < waiting.length; i += ITEMS_PER_INSERT) {
      const rows = await insertItems(db, waiting.slice(i, i + ITEMS_PER_INSERT).map((w) => w.row));
      for (const r of rows) ids.set(`${r.edition}\n${r.slug}`, r.id);
    }
    const made = waiting.map((w) => ({ w, id: ids.get(`${w.edition}\n${w.slug}`)! }));
    for (let i = 0; i < made.length; i += ITEMS_PER_INSERT) await insertBodies(db, made.slice(i, i + ITEMS_PER_INSERT).map(({ w, id }) => [id, w.body]));
    const links = made.flatMap(({ w, id }) => w.tagIds.map((tagId) => [id, tagId]));
    for (let i = 0; i < links.length; i += TAGS_PER_INSERT) await insertTags(db, links.slice(i, i + TAGS_PER_INSERT));
    for (const { w, id } of made) await w.made(id);
  }
}
