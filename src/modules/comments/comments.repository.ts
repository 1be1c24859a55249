import { sql } from 'kysely';
import type { Db } from '../../storage/database.js';

/** The parts of an item that commenting looks at. */
export interface TargetRow {
  id: number;
  edition: string;
  type: string;
  status: string;
  slug: string;
  title: string;
  published_at: string;
  author_id: number | null;
  comments_closed: number;
}

export function selectTarget(db: Db, itemId: number): Promise<TargetRow | undefined> {
  return db
    .selectFrom('items')
    .select(['id', 'edition', 'type', 'status', 'slug', 'title', 'published_at', 'author_id', 'comments_closed'])
    .where('id', '=', itemId)
    .executeTakeFirst();
}

export function selectComment(db: Db, id: number) {
  return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function selectComments(db: Db, ids: number[]) {
  return ids.length ? db.selectFrom('comments').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);
}

/** The approved comments of an item, oldest first. */
export function selectApproved(db: Db, itemId: number) {
  return db
    .selectFrom('comments')
    .select(['id', 'parent_id', 'author_name', 'user_id', 'body', 'created_at'])
    .where('item_id', '=', itemId)
    .where('status', '=', 'approved')
    .orderBy('id')
    .execute();
}

/** Every comment's parent on an item (whatever its status), so replies of hidden comments can be placed. */
export function selectParents(db: Db, itemId: number) {
  return db.selectFrom('comments').select(['id', 'parent_id']).where('item_id', '=', itemId).execute();
}

async function countWhere(q: Promise<{ n: string | number | bigint } | undefined>): Promise<number> {
  return Number((await q)?.n ?? 0);
}

// Rate limits only ask "at least `cap`?": counting stops there, so a busy address or item costs no more than the limit.

export function countFromIp(db: Db, ip: string, since: string, cap: number): Promise<number> {
  return countWhere(
    db.selectFrom((eb) => eb.selectFrom('comments').select('id').where('ip', '=', ip).where('created_at', '>', since).limit(cap).as('recent'))
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst(),
  );
}

export function countOnItem(db: Db, itemId: number, since: string, cap: number): Promise<number> {
  return countWhere(
    db.selectFrom((eb) => eb.selectFrom('comments').select('id').where('item_id', '=', itemId).where('created_at', '>', since).where('user_id', 'is', null).limit(cap).as('recent'))
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst(),
  );
}

export async function hasApprovedFrom(db: Db, email: string, edition: string): Promise<boolean> {
  const row = await db.selectFrom('comments').select('id').where('author_email', '=', email).where('edition', '=', edition).where('status', '=', 'approved').limit(1).executeTakeFirst();
  return !!row;
}

export async function duplicateExists(db: Db, itemId: number, hash: string): Promise<boolean> {
  return !!(await db.selectFrom('comments').select('id').where('item_id', '=', itemId).where('content_hash', '=', hash).executeTakeFirst());
}

/** Sets `items.comment_count` to the exact number of approved comments of each item (in the caller's transaction). */
export async function recount(db: Db, itemIds: Iterable<number>): Promise<void> {
  const ids = [...new Set(itemIds)];
  if (!ids.length) return;
  await db
    .updateTable('items')
    .set({ comment_count: sql<number>`(select count(*) from comments where comments.item_id = items.id and comments.status = 'approved')` })
    .where('id', 'in', ids)
    .execute();
}

/** Newsroom users who moderate an edition and can be written to. */
export async function selectModerators(db: Db, edition: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select(['email', 'editions'])
    .where('role', 'in', ['administrator', 'editor'])
    .where('email', 'is not', null)
    .where('disabled_at', 'is', null)
    .execute();
  return rows.filter((r) => r.editions === null || (JSON.parse(r.editions) as string[]).includes(edition)).map((r) => r.email!);
}

/** What the moderation queue filters by; `editions` null: any, `authorId`: only comments on that person's items. */
export interface QueueFilter {
  editions: readonly string[] | null;
  authorId?: number;
  edition?: string;
  status?: string;
  itemId?: number;
  id?: number;
}

export function selectQueue(db: Db, f: QueueFilter, limit: number, offset: number) {
  let q = db
    .selectFrom('comments as c')
    .innerJoin('items as i', 'i.id', 'c.item_id')
    .select(['c.id', 'c.item_id', 'c.parent_id', 'c.edition', 'c.author_name', 'c.author_email', 'c.user_id', 'c.body', 'c.status', 'c.created_at', 'c.ip', 'i.title as item_title', 'i.slug as item_slug', 'i.status as item_status', 'i.author_id as item_author_id', 'i.comments_closed']);
  if (f.editions) q = q.where('c.edition', 'in', f.editions.length ? [...f.editions] : ['']);
  if (f.authorId !== undefined) q = q.where('i.author_id', '=', f.authorId);
  if (f.edition) q = q.where('c.edition', '=', f.edition);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.itemId !== undefined) q = q.where('c.item_id', '=', f.itemId);
  if (f.id !== undefined) q = q.where('c.id', '=', f.id);
  return q.orderBy('c.id', 'desc').limit(limit).offset(offset).execute();
}
