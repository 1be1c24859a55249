import type { Insertable } from 'kysely';
import type { CommentTable } from '../comments/comment.table.js';
import type { Db } from '../../storage/database.js';
import { rowsInsert } from './rows-insert.js';

/** A new comment waiting to be inserted: its WordPress id and parent, its import hash and its row. */
export interface PendingComment {
  wpId: number;
  parentWpId: number;
  hash: string;
  values: Omit<Insertable<CommentTable>, 'item_id' | 'edition' | 'parent_id' | 'depth' | 'user_agent'> & { content_hash: string };
}

/** One item's new comments, in generations: each generation's parents are in earlier ones (or not new). */
interface ItemComments {
  itemId: number;
  edition: string;
  generations: PendingComment[][];
  /** WordPress comment id → the comment made of it */
  made: Map<number, { id: number; depth: number }>;
}

/** Rows to a statement: 13 columns each, well under SQLite's and PostgreSQL's variable limits. */
const ROWS_PER_INSERT = 400;

const COLUMNS = ['author_name', 'author_email', 'body', 'status', 'created_at', 'ip', 'user_id', 'content_hash', 'item_id', 'parent_id', 'edition', 'depth', 'user_agent'] as const;

const insertComments = rowsInsert(COLUMNS, (db, rows) =>
  db
    .insertInto('comments')
    .values(rows as unknown as Insertable<CommentTable>[])
    .returning(['id', 'item_id', 'content_hash']),
);

/**
 * The new comments of a batch's new items, inserted when the batch ends: generation by
 * generation over all the items (parents first), many rows to a statement, instead of a few
 * statements per item. `remember` records what each WordPress comment became.
 */
export class CommentBatch {
  private items: ItemComments[] = [];

  add(itemId: number, edition: string, generations: PendingComment[][], made: Map<number, { id: number; depth: number }>): void {
    if (generations.length) this.items.push({ itemId, edition, generations, made });
  }

  /** Whether comments of the item are waiting. */
  has(itemId: number): boolean {
    return this.items.some((i) => i.itemId === itemId);
  }

  async flush(db: Db, remember: (wpId: number, id: number, hash: string) => Promise<void>): Promise<void> {
    const items = this.items;
    this.items = [];
    const depthMax = Math.max(0, ...items.map((i) => i.generations.length));
    for (let g = 0; g < depthMax; g++) {
      const rows: { item: ItemComments; c: PendingComment; depth: number; values: unknown[] }[] = [];
      for (const item of items) {
        for (const c of item.generations[g] ?? []) {
          const parent = c.parentWpId ? item.made.get(c.parentWpId) : undefined;
          const depth = parent ? parent.depth + 1 : 1;
          const v = c.values;
          rows.push({ item, c, depth, values: [v.author_name, v.author_email, v.body, v.status, v.created_at, v.ip ?? null, v.user_id ?? null, v.content_hash, item.itemId, parent?.id ?? null, item.edition, depth, null] });
        }
      }
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        const chunk = rows.slice(i, i + ROWS_PER_INSERT);
        const inserted = await insertComments(db, chunk.map((r) => r.values));
        // Matched by item and content hash (unique per item): RETURNING promises no order.
        const ids = new Map(inserted.map((r) => [`${r.item_id}|${r.content_hash}`, r.id]));
        for (const { item, c, depth } of chunk) {
          const id = ids.get(`${item.itemId}|${c.values.content_hash}`)!;
          item.made.set(c.wpId, { id, depth });
          await remember(c.wpId, id, c.hash);
        }
      }
    }
  }
}
