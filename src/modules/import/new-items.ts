import { SLUG_PATTERN } from '../../lib/slug.js';
import type { Db } from '../../storage/database.js';
import { isItemType, newItemSchema, parseDetails, sanitizeBody } from '../content/index.js';

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
}

interface Waiting {
  row: {
    edition: string; type: string; slug: string; title: string; excerpt: string; status: string; published_at: string; created_at: string; updated_at: string;
    author_id: number | null; source_line: string; featured_media_id: number | null; category_id: number | null; parent_id: number | null; translation_key: string | null;
    details: string; seo_title: null; seo_description: null;
  };
  body: string;
  tagIds: number[];
  made(id: number): Promise<void>;
}

/** Rows to a statement: 18 columns each, well under SQLite's and PostgreSQL's variable limits. */
const ITEMS_PER_INSERT = 200;
const TAGS_PER_INSERT = 500;

/** What newItemSchema would refuse among the values an import gives; such an input goes through the schema, which throws its error. */
function needsSchema(i: NewItemInput): boolean {
  return (
    i.edition.length < 2 || !i.type || i.type.length > 40 || !i.slug || i.slug.length > 200 || !SLUG_PATTERN.test(i.slug) ||
    !i.title || i.title.length > 500 || i.excerpt.length > 2000 || i.bodyHtml.length > 2_000_000 || (i.translationKey !== null && i.translationKey.length > 200)
  );
}

const detailsByType = new Map<string, string>();

/** The stored details of a new item of the type: the type's defaults (as createItem writes them). */
function defaultDetails(type: string): string {
  let json = detailsByType.get(type);
  if (json === undefined) {
    json = JSON.stringify(isItemType(type) ? parseDetails(type, {}) : {});
    detailsByType.set(type, json);
  }
  return json;
}

/**
 * A batch's new items, written together: the same rows createItem writes (checked against the
 * same schema, the body sanitized), but many to a statement, their ids read back by edition and
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
    if (needsSchema(input)) newItemSchema.parse(input);
    const now = new Date().toISOString();
    this.waiting.push({
      row: {
        edition: input.edition,
        type: input.type,
        slug: input.slug.normalize('NFC'),
        title: input.title,
        excerpt: input.excerpt,
        status: input.status,
        published_at: input.publishedAt,
        created_at: now,
        updated_at: now,
        author_id: input.authorId,
        source_line: '',
        featured_media_id: input.featuredMediaId,
        category_id: input.categoryId,
        parent_id: input.parentId,
        translation_key: input.translationKey,
        details: defaultDetails(input.type),
        seo_title: null,
        seo_description: null,
      },
      body: sanitizeBody(input.bodyHtml),
      tagIds: input.tagIds,
      made,
    });
  }

  /** Inserts the waiting items, their bodies and tag links (inside the batch's transaction), then tells each its id. */
  async flush(db: Db): Promise<void> {
    const waiting = this.waiting;
    this.waiting = [];
    const ids = new Map<string, number>();
    for (let i = 0; i < waiting.length; i += ITEMS_PER_INSERT) {
      const rows = await db
        .insertInto('items')
        .values(waiting.slice(i, i + ITEMS_PER_INSERT).map((w) => w.row))
        .returning(['id', 'edition', 'slug'])
        .execute();
      for (const r of rows) ids.set(`${r.edition}\n${r.slug}`, r.id);
    }
    const made = waiting.map((w) => ({ w, id: ids.get(`${w.row.edition}\n${w.row.slug}`)! }));
    for (let i = 0; i < made.length; i += ITEMS_PER_INSERT) {
      await db
        .insertInto('item_bodies')
        .values(made.slice(i, i + ITEMS_PER_INSERT).map(({ w, id }) => ({ item_id: id, body_html: w.body })))
        .execute();
    }
    const links = made.flatMap(({ w, id }) => w.tagIds.map((tag_id) => ({ item_id: id, tag_id })));
    for (let i = 0; i < links.length; i += TAGS_PER_INSERT) await db.insertInto('item_tags').values(links.slice(i, i + TAGS_PER_INSERT)).execute();
    for (const { w, id } of made) await w.made(id);
  }
}
