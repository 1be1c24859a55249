import { sql } from 'kysely';
import type { Db } from '../../storage/database.js';
import { containsPattern } from '../../lib/search-text.js';

/** A redirect as the rest of nashr sees it. */
export interface Redirect {
  id: number;
  /** the old address, normalized */
  from: string;
  /** a site path, a full address, or '' (410 Gone) */
  to: string;
  status: RedirectStatus;
  source: RedirectSource;
  createdAt: string;
  updatedAt: string;
  hits: number;
  lastHitAt: string | null;
}

export type RedirectStatus = 301 | 302 | 410;
export type RedirectSource = 'import' | 'manual';

type Row = { id: number; from_path: string; to_path: string; status: number; source: string; created_at: string; updated_at: string; hits: number; last_hit_at: string | null };

const toRedirect = (r: Row): Redirect => ({
  id: Number(r.id),
  from: r.from_path,
  to: r.to_path,
  status: Number(r.status) as RedirectStatus,
  source: r.source === 'import' ? 'import' : 'manual',
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  hits: Number(r.hits),
  lastHitAt: r.last_hit_at,
});

/** The redirect stored for exactly this normalized address. */
export async function findByFrom(db: Db, from: string): Promise<Redirect | undefined> {
  const row = await db.selectFrom('redirects').selectAll().where('from_path', '=', from).executeTakeFirst();
  return row && toRedirect(row);
}

/** The redirects stored for any of these normalized addresses. */
export async function findByFroms(db: Db, froms: string[]): Promise<Redirect[]> {
  const rows = await db.selectFrom('redirects').selectAll().where('from_path', 'in', froms).execute();
  return rows.map(toRedirect);
}

export async function findById(db: Db, id: number): Promise<Redirect | undefined> {
  const row = await db.selectFrom('redirects').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRedirect(row);
}

export async function insertRedirect(db: Db, r: { from: string; to: string; status: RedirectStatus; source: RedirectSource; at: string }): Promise<number> {
  const row = await db
    .insertInto('redirects')
    .values({ from_path: r.from, to_path: r.to, status: r.status, source: r.source, created_at: r.at, updated_at: r.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Many new redirects in one statement (keep the list short enough for SQLite's variable limit). */
export async function insertRedirects(db: Db, rows: readonly { from: string; to: string; status: RedirectStatus; source: RedirectSource; at: string }[]): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('redirects')
    .values(rows.map((r) => ({ from_path: r.from, to_path: r.to, status: r.status, source: r.source, created_at: r.at, updated_at: r.at })))
    .execute();
}

export async function updateRow(db: Db, id: number, r: { from: string; to: string; status: RedirectStatus; source: RedirectSource; at: string }): Promise<void> {
  await db.updateTable('redirects').set({ from_path: r.from, to_path: r.to, status: r.status, source: r.source, updated_at: r.at }).where('id', '=', id).execute();
}

export async function deleteRow(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('redirects').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** `n` more readers sent on by this redirect, the last at `at`. */
export async function addHits(db: Db, id: number, n: number, at: string): Promise<void> {
  await db.updateTable('redirects').set((eb) => ({ hits: eb('hits', '+', n), last_hit_at: at })).where('id', '=', id).execute();
}

/** One page of redirects, newest first, whose old or new address contains `search` (already lower-cased and decoded). */
export async function listRows(db: Db, q: { search: string; page: number; perPage: number }): Promise<{ redirects: Redirect[]; total: number }> {
  let base = db.selectFrom('redirects');
  if (q.search) {
    const pattern = containsPattern(q.search);
    base = base.where((eb) => eb.or([sql<boolean>`${eb.ref('from_path')} like ${pattern} escape '!'`, sql<boolean>`lower(${eb.ref('to_path')}) like ${pattern} escape '!'`]));
  }
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('id', 'desc').limit(q.perPage).offset((q.page - 1) * q.perPage).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { redirects: rows.map(toRedirect), total: Number(count.n) };
}
