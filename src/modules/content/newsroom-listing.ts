import { sql } from 'kysely';
import type { Db } from '../../storage/database.js';
import type { Actor } from '../accounts/index.js';

export interface NewsroomFilter {
  edition?: string;
  type?: string;
  status?: string;
  authorId?: number;
  categoryId?: number;
  /** words of the title */
  q?: string;
}

export interface NewsroomRow {
  id: number;
  edition: string;
  type: string;
  title: string;
  slug: string;
  status: string;
  publishedAt: string;
  updatedAt: string;
  authorId: number | null;
  authorName: string | null;
  categoryName: string | null;
}

/** The newsroom's list of items: only the actor's editions, newest change first, one page with a look-ahead row. */
export async function listForNewsroom(db: Db, actor: Actor, f: NewsroomFilter, page: number, perPage = 25): Promise<{ rows: NewsroomRow[]; hasMore: boolean }> {
  let q = db
    .selectFrom('items as i')
    .leftJoin('users as u', 'u.id', 'i.author_id')
    .leftJoin('categories as c', 'c.id', 'i.category_id')
    .select(['i.id', 'i.edition', 'i.type', 'i.title', 'i.slug', 'i.status', 'i.published_at', 'i.updated_at', 'i.author_id', 'u.display_name', 'c.name as category_name']);
  if (actor.editions !== null) q = q.where('i.edition', 'in', actor.editions.length ? [...actor.editions] : ['']);
  if (f.edition) q = q.where('i.edition', '=', f.edition);
  if (f.type) q = q.where('i.type', '=', f.type);
  if (f.status) q = q.where('i.status', '=', f.status);
  if (f.authorId) q = q.where('i.author_id', '=', f.authorId);
  if (f.categoryId) q = q.where('i.category_id', '=', f.categoryId);
  if (f.q) {
    const pattern = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`lower(i.title) like ${pattern} escape '\\'`);
  }
  const rows = await q.orderBy('i.updated_at', 'desc').orderBy('i.id', 'desc').limit(perPage + 1).offset((page - 1) * perPage).execute();
  return {
    hasMore: rows.length > perPage,
    rows: rows.slice(0, perPage).map((r) => ({
      id: r.id, edition: r.edition, type: r.type, title: r.title, slug: r.slug, status: r.status, publishedAt: r.published_at,
      updatedAt: r.updated_at, authorId: r.author_id, authorName: r.display_name, categoryName: r.category_name,
    })),
  };
}

/** How many items of each status the actor's editions hold (the dashboard). */
export async function statusCounts(db: Db, actor: Actor): Promise<{ edition: string; status: string; n: number }[]> {
  let q = db.selectFrom('items').select(['edition', 'status']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy(['edition', 'status']);
  if (actor.editions !== null) q = q.where('edition', 'in', actor.editions.length ? [...actor.editions] : ['']);
  return (await q.execute()).map((r) => ({ ...r, n: Number(r.n) }));
}
