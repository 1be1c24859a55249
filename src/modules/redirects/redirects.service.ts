import type { Db } from '../../storage/database.js';
import { normalizeFrom, parseTarget, pathOf } from './redirect-path.js';
import { RedirectError } from './redirects.errors.js';
import { deleteRow, findByFrom, findByFroms, findById, insertRedirect, insertRedirects, listRows, updateRow, type Redirect, type RedirectSource, type RedirectStatus } from './redirects.repository.js';

export const REDIRECT_STATUSES: readonly RedirectStatus[] = [301, 302, 410];
/** How far a chain of redirects is followed when looking for a loop. */
const MAX_CHAIN = 20;

export interface RedirectInput {
  /** the old address: a path with its query, as WordPress had it (`/?p=123`, `/2019/05/slug/`) */
  from: string;
  /** a path on this site; a full http(s) address only from the newsroom (source 'manual'); ignored for 410 */
  to: string;
  source: RedirectSource;
  status?: RedirectStatus;
}

interface Checked {
  from: string;
  to: string;
  status: RedirectStatus;
  source: RedirectSource;
}

/** The stored redirect an address leads to: the exact one, else (for an address with a query) the one for its path alone. */
async function lookup(db: Db, normalized: string): Promise<Redirect | undefined> {
  const exact = await findByFrom(db, normalized);
  if (exact) return exact;
  const path = pathOf(normalized);
  return path === normalized ? undefined : findByFrom(db, path);
}

const loop = () => new RedirectError('redirects.loop', 'This redirect would lead back to the old address (a loop): choose another new address.', 'to');

/** Follows the chain on from `row` (the redirect the new address has) and refuses one that comes back to `from`. */
async function assertNoLoop(db: Db, from: string, row: Redirect | undefined): Promise<void> {
  for (let hop = 0; row && hop < MAX_CHAIN; hop++) {
    if (row.status === 410 || !row.to.startsWith('/')) return;
    const next = normalizeFrom(row.to);
    if (next === from || pathOf(next) === from) throw loop();
    row = await lookup(db, next);
  }
}

/**
 * Checks a redirect and finds the one already stored for its old address. For a path target, one
 * query reads both that row and the target's own redirect (the first hop of a possible loop), so
 * an import pays two queries per redirect, not three.
 */
async function check(db: Db, input: RedirectInput): Promise<{ r: Checked; existing: Redirect | undefined }> {
  const from = normalizeFrom(input.from);
  const status = input.status ?? 301;
  if (!REDIRECT_STATUSES.includes(status)) throw new RedirectError('redirects.invalid_status', 'Choose 301 (moved for good), 302 (moved for now) or 410 (gone).', 'status');
  if (status === 410) return { r: { from, to: '', status, source: input.source }, existing: await findByFrom(db, from) };
  const target = parseTarget(input.to, input.source === 'manual');
  const r = { from, to: target.value, status, source: input.source };
  if (target.kind !== 'path') return { r, existing: await findByFrom(db, from) };
  const next = normalizeFrom(target.value);
  if (next === from || pathOf(next) === from) throw loop();
  const rows = await findByFroms(db, [...new Set([from, next, pathOf(next)])]);
  await assertNoLoop(db, from, rows.find((x) => x.from === next) ?? rows.find((x) => x.from === pathOf(next)));
  return { r, existing: rows.find((x) => x.from === from) };
}

/**
 * Stores a redirect, or brings the one for the same old address up to date (an import may run
 * again: the same redirect twice is 'unchanged'). An import never overrides a redirect an editor
 * made or changed in the newsroom. `db` may be a transaction.
 */
export async function saveRedirect(db: Db, input: RedirectInput, now: Date = new Date()): Promise<'created' | 'updated' | 'unchanged'> {
  const { r, existing } = await check(db, input);
  if (!existing) {
    await insertRedirect(db, { ...r, at: now.toISOString() });
    return 'created';
  }
  if (r.source === 'import' && existing.source === 'manual') return 'unchanged';
  if (existing.to === r.to && existing.status === r.status && existing.source === r.source) return 'unchanged';
  await updateRow(db, existing.id, { ...r, at: now.toISOString() });
  return 'updated';
}

/** What `saveRedirects` made of one redirect: as saveRedirect answers, or the error that refused it. */
export type SaveResult = 'created' | 'updated' | 'unchanged' | RedirectError;

/**
 * saveRedirect for many redirects in order, with the same result for each: one query reads the
 * rows of all their old and new addresses, and those that touch no stored redirect (nor an earlier
 * one of the list) go in multi-row inserts; the others go through saveRedirect one by one, after
 * the inserts before them. An import stores thousands this way. `db` should be a transaction.
 */
export async function saveRedirects(db: Db, inputs: readonly RedirectInput[], now: Date = new Date()): Promise<SaveResult[]> {
  const results: SaveResult[] = new Array(inputs.length);
  const plans: ({ i: number; r: Checked; addresses: string[] } | undefined)[] = inputs.map((input, i) => {
    try {
      const from = normalizeFrom(input.from);
      const status = input.status ?? 301;
      if (status !== 301 && status !== 302) return undefined;
      const target = parseTarget(input.to, input.source === 'manual');
      if (target.kind !== 'path') return undefined;
      const next = normalizeFrom(target.value);
      if (next === from || pathOf(next) === from) throw loop();
      return { i, r: { from, to: target.value, status, source: input.source }, addresses: [from, next, pathOf(next)] };
    } catch (err) {
      if (!(err instanceof RedirectError)) throw err;
      results[i] = err;
      return undefined;
    }
  });
  const known = new Set<string>();
  const wanted = [...new Set(plans.flatMap((p) => p?.addresses ?? []))];
  for (let k = 0; k < wanted.length; k += 500) for (const row of await findByFroms(db, wanted.slice(k, k + 500))) known.add(row.from);
  const at = now.toISOString();
  let waiting: Checked[] = [];
  const insertWaiting = async () => {
    for (let k = 0; k < waiting.length; k += 100) await insertRedirects(db, waiting.slice(k, k + 100).map((r) => ({ ...r, at })));
    waiting = [];
  };
  for (let i = 0; i < inputs.length; i++) {
    if (results[i] !== undefined) continue;
    const plan = plans[i];
    if (plan && !plan.addresses.some((a) => known.has(a))) {
      waiting.push(plan.r);
      results[i] = 'created';
    } else {
      await insertWaiting();
      try {
        results[i] = await saveRedirect(db, inputs[i]!, now);
      } catch (err) {
        if (!(err instanceof RedirectError)) throw err;
        results[i] = err;
      }
    }
    if (plan) known.add(plan.r.from);
    else {
      try {
        known.add(normalizeFrom(inputs[i]!.from));
      } catch {
        // refused: nothing stored
      }
    }
  }
  await insertWaiting();
  return results;
}

/** Adds a redirect from the newsroom; an old address that already has one is refused (edit that one instead). */
export async function addRedirect(db: Db, input: Omit<RedirectInput, 'source'>, now: Date = new Date()): Promise<number> {
  const { r, existing } = await check(db, { ...input, source: 'manual' });
  if (existing) throw new RedirectError('redirects.taken', `There is already a redirect from ${r.from}: edit that one.`, 'from');
  return insertRedirect(db, { ...r, at: now.toISOString() });
}

/** Changes a redirect from the newsroom; from then on it is the newsroom's, and a re-import leaves it alone. */
export async function updateRedirect(db: Db, id: number, input: Omit<RedirectInput, 'source'>, now: Date = new Date()): Promise<void> {
  const existing = await findById(db, id);
  if (!existing) throw new RedirectError('redirects.not_found', 'There is no such redirect.');
  const { r, existing: other } = await check(db, { ...input, source: 'manual' });
  if (other && other.id !== id) throw new RedirectError('redirects.taken', `There is already a redirect from ${r.from}: edit that one.`, 'from');
  await updateRow(db, id, { ...r, at: now.toISOString() });
}

export async function deleteRedirect(db: Db, id: number): Promise<void> {
  if (!(await deleteRow(db, id))) throw new RedirectError('redirects.not_found', 'There is no such redirect.');
}

export async function getRedirect(db: Db, id: number): Promise<Redirect> {
  const r = await findById(db, id);
  if (!r) throw new RedirectError('redirects.not_found', 'There is no such redirect.');
  return r;
}

/** The redirect stored for exactly this old address (normalized first), if any. */
export async function findRedirect(db: Db, from: string): Promise<Redirect | undefined> {
  let normalized: string;
  try {
    normalized = normalizeFrom(from);
  } catch {
    return undefined;
  }
  return findByFrom(db, normalized);
}

/**
 * Where a request's URL (path and query, as received) should be sent: the redirect of exactly
 * that address, else — when `pathFallback` — the one of its path without the query (a link with
 * extra parameters still arrives). Undefined for an address that is not a plain site path.
 */
export async function resolveRedirect(db: Db, url: string, pathFallback = true): Promise<Redirect | undefined> {
  let normalized: string;
  try {
    normalized = normalizeFrom(url);
  } catch {
    return undefined;
  }
  return pathFallback ? lookup(db, normalized) : findByFrom(db, normalized);
}

/** A page of redirects for the newsroom, newest first; `search` matches old or new addresses, typed decoded or percent-encoded. */
export async function listRedirects(db: Db, q: { search?: string; page?: number; perPage?: number }): Promise<{ redirects: Redirect[]; total: number }> {
  let search = (q.search ?? '').trim().slice(0, 500);
  try {
    search = decodeURIComponent(search);
  } catch {
    // typed with a stray %: search for it as it is
  }
  return listRows(db, { search: search.normalize('NFC').toLowerCase(), page: Math.max(1, q.page ?? 1), perPage: q.perPage ?? 50 });
}
