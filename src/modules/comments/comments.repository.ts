import { sql } from 'kysely';
import type { Db } from '../../storage/database.js';
import { preparedQuery, preparedStatement } from '../../storage/prepared-query.js';

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

// The checks a posted comment passes are compiled once and, on a SQLite file, run on the
// read-only connection (committed rows, which is all they ask about): building each query anew
// cost more than running it.
const target = preparedQuery((db, a: { itemId: number }) =>
  db.selectFrom('items').select(['id', 'edition', 'type', 'status', 'slug', 'title', 'published_at', 'author_id', 'comments_closed']).where('id', '=', a.itemId),
);

export async function selectTarget(db: Db, itemId: number): Promise<TargetRow | undefined> {
  return (await target(db, { itemId }))[0];
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

// Rate limits only ask "at least `cap` since then?": that is whether the cap-th newest comment in
// the window exists, found by walking back `cap` entries of an index that holds every column
// asked about (the table itself is never read), so a busy address or item costs no more than its
// limit, and a lifted limit no more than the comments in the window.

const nthFromIp = preparedQuery((db, a: { ip: string; since: string; skip: number }) =>
  db.selectFrom('comments').select('created_at').where('ip', '=', a.ip).where('created_at', '>', a.since).orderBy('created_at', 'desc').limit(1).offset(a.skip),
);

/** Whether an address has sent at least `cap` comments since `since`. */
export async function reachedFromIp(db: Db, ip: string, since: string, cap: number): Promise<boolean> {
  return cap <= 0 || (await nthFromIp(db, { ip, since, skip: cap - 1 })).length > 0;
}

const nthOnItem = preparedQuery((db, a: { itemId: number; since: string; skip: number }) =>
  db.selectFrom('comments').select('created_at').where('item_id', '=', a.itemId).where('user_id', 'is', null).where('created_at', '>', a.since).orderBy('created_at', 'desc').limit(1).offset(a.skip),
);

/** Whether an item has received at least `cap` readers' comments (the newsroom's replies aside) since `since`. */
export async function reachedOnItem(db: Db, itemId: number, since: string, cap: number): Promise<boolean> {
  return cap <= 0 || (await nthOnItem(db, { itemId, since, skip: cap - 1 })).length > 0;
}

const approvedFrom = preparedQuery((db, a: { email: string; edition: string }) =>
  db.selectFrom('comments').select('id').where('author_email', '=', a.email).where('edition', '=', a.edition).where('status', '=', 'approved').limit(1),
);

export async function hasApprovedFrom(db: Db, email: string, edition: string): Promise<boolean> {
  return (await approvedFrom(db, { email, edition })).length > 0;
}

const duplicate = preparedQuery((db, a: { itemId: number; hash: string }) => db.selectFrom('comments').select('id').where('item_id', '=', a.itemId).where('content_hash', '=', a.hash));

export async function duplicateExists(db: Db, itemId: number, hash: string): Promise<boolean> {
  return (await duplicate(db, { itemId, hash })).length > 0;
}

/** A new comment's row, as the public form makes it (never a newsroom user's). */
// (a type, not an interface: prepared statements take records of plain values)
export type NewComment = {
  item_id: number;
  parent_id: number | null;
  edition: string;
  depth: number;
  author_name: string;
  author_email: string;
  body: string;
  status: string;
  created_at: string;
  ip: string | null;
  user_agent: string | null;
  notify_replies: number;
  content_hash: string;
};

/** Inserts a reader's comment (in the caller's transaction), compiled once: building the insert cost more than running it. */
export const insertComment = preparedStatement((db, a: NewComment) => db.insertInto('comments').values({ ...a, user_id: null }).returning('id'));

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
const moderators = preparedQuery((db, a: { roles: readonly string[] }) =>
  db.selectFrom('users').select(['email', 'editions']).where('role', 'in', [...a.roles]).where('email', 'is not', null).where('disabled_at', 'is', null),
);

export async function selectModerators(db: Db, edition: string): Promise<string[]> {
  const rows = await moderators(db, { roles: ['administrator', 'editor'] });
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
