import { sql } from 'kysely';
import type { Db } from '../../storage/database.js';
import { preparedQuery } from '../../storage/prepared-query.js';

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

async function countWhere(q: Promise<{ n: string | number | bigint }[]>): Promise<number> {
  return Number((await q)[0]?.n ?? 0);
}

// Rate limits only ask "at least `cap`?": counting stops there, so a busy address or item costs no more than the limit.

const fromIp = preparedQuery((db, a: { ip: string; since: string; cap: number }) =>
  db.selectFrom((eb) => eb.selectFrom('comments').select('id').where('ip', '=', a.ip).where('created_at', '>', a.since).limit(a.cap).as('recent')).select((eb) => eb.fn.countAll().as('n')),
);

export function countFromIp(db: Db, ip: string, since: string, cap: number): Promise<number> {
  return countWhere(fromIp(db, { ip, since, cap }));
}

const onItem = preparedQuery((db, a: { itemId: number; since: string; cap: number }) =>
  db.selectFrom((eb) => eb.selectFrom('comments').select('id').where('item_id', '=', a.itemId).where('created_at', '>', a.since).where('user_id', 'is', null).limit(a.cap).as('recent')).select((eb) => eb.fn.countAll().as('n')),
);

export function countOnItem(db: Db, itemId: number, since: string, cap: number): Promise<number> {
  return countWhere(onItem(db, { itemId, since, cap }));
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
