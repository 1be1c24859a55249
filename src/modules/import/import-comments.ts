import type { Insertable } from 'kysely';
import type { CommentTable } from '../comments/comment.table.js';
import { contentHash, normalizeBody } from '../comments/comment-text.js';
import type { PendingComment } from './comment-batch.js';
import { digest, type ImportRun } from './import-run.js';
import { wpDateMs } from './wxr-scan.js';
import { htmlToPlain } from './wp-text.js';
import type { WxrComment, WxrItem } from './wxr.types.js';

const STATUS: Record<string, string> = { '1': 'approved', '0': 'pending', spam: 'spam', trash: 'trash', 'post-trashed': 'trash' };
/** Comment types readers wrote or that WordPress shows with them; others (notes, order notes…) are not comments. */
const READER_TYPES = new Set(['', 'comment', 'pingback', 'trackback']);

/** Parents before replies; a reply whose parent is missing or in a loop becomes a top-level comment. */
function threadOrder(comments: WxrComment[]): WxrComment[] {
  const ids = new Set(comments.map((c) => c.id));
  const placed = new Set<number>();
  const out: WxrComment[] = [];
  let pending = comments;
  while (pending.length) {
    const next = pending.filter((c) => c.parent && ids.has(c.parent) && !placed.has(c.parent));
    const ready = pending.filter((c) => !next.includes(c));
    if (!ready.length) {
      // A loop: the rest become top-level.
      for (const c of pending) out.push({ ...c, parent: 0 });
      break;
    }
    for (const c of ready) {
      out.push(c);
      placed.add(c.id);
    }
    pending = next;
  }
  return out;
}

/**
 * The item's comments, threaded, with their status (approved, pending → held, spam, trash).
 * Returns whether anything changed (the item's count is then recounted).
 */
export async function importComments(run: ImportRun, item: WxrItem, itemId: number, edition: string, itemDate: string, existedBefore: boolean): Promise<boolean> {
  if (!item.comments.length) return false;
  // The same post listed twice in one batch: the first copy's comments go in before the second's are compared with them.
  if (existedBefore && run.comments.has(itemId)) await run.flushComments();
  const made = new Map<number, { id: number; depth: number }>();
  await run.commentSourcesOf(existedBefore ? item.comments.map((c) => c.id) : []);
  if (existedBefore) {
    const rows = await run.db.selectFrom('comments').select(['id', 'depth']).where('item_id', '=', itemId).execute();
    const depths = new Map(rows.map((r) => [r.id, r.depth]));
    for (const c of item.comments) {
      const s = run.source('comment', c.id);
      if (s && depths.has(s.targetId)) made.set(c.id, { id: s.targetId, depth: depths.get(s.targetId)! });
    }
  }
  const hashes = new Set<string>();
  let changed = false;
  // New comments wait here, a generation at a time (parents, then their replies). A new item's
  // go to the batch's CommentBatch, inserted with those of the batch's other items when it ends;
  // an item that existed before inserts its own at once (its duplicate checks read the table).
  const generations: PendingComment[][] = [];
  let generation: PendingComment[] = [];
  const insertGeneration = async () => {
    if (!generation.length) return;
    if (!existedBefore) {
      generations.push(generation);
      generation = [];
      return;
    }
    const rows = generation.map((g) => {
      const parent = g.parentWpId ? made.get(g.parentWpId) : undefined;
      return { ...g.values, item_id: itemId, parent_id: parent?.id ?? null, edition, depth: parent ? parent.depth + 1 : 1, user_agent: null } satisfies Insertable<CommentTable>;
    });
    const inserted = await run.db.insertInto('comments').values(rows).returning(['id', 'content_hash']).execute();
    // Matched by content hash (unique per item): RETURNING promises no order.
    const ids = new Map(inserted.map((r) => [r.content_hash, r.id]));
    for (const [i, g] of generation.entries()) {
      const id = ids.get(g.values.content_hash)!;
      made.set(g.wpId, { id, depth: rows[i]!.depth });
      await run.remember('comment', g.wpId, '', 'comment', id, g.hash);
    }
    generation = [];
  };
  let currentParents = new Set<number>();
  for (const c of threadOrder(item.comments)) {
    run.report.add('comment', 'found');
    const warn = (message: string) => run.report.warn({ kind: 'comment', wpId: c.id, title: item.title, message });
    if (!READER_TYPES.has(c.type)) {
      run.report.add('comment', 'skipped');
      continue;
    }
    const body = normalizeBody(htmlToPlain(c.content));
    const email = c.authorEmail.trim().toLowerCase().slice(0, 254);
    const gmt = wpDateMs(c.dateGmt);
    const local = wpDateMs(c.date) - run.scan.utcOffsetMinutes * 60_000;
    const ms = Number.isNaN(gmt) ? local : gmt;
    const createdAt = Number.isNaN(ms) ? itemDate : new Date(ms).toISOString();
    const row = {
      author_name: (c.author.trim() || (c.type === 'pingback' || c.type === 'trackback' ? c.authorUrl : '') || 'Anonymous').slice(0, 200),
      author_email: email,
      body,
      status: STATUS[c.approved] ?? 'pending',
      created_at: createdAt,
      ip: c.authorIp.slice(0, 100) || null,
      user_id: c.userId ? (run.wpUserIds.get(c.userId) ?? null) : null,
    };
    const hash = digest({ ...row, parent: c.parent });
    const source = run.source('comment', c.id);
    const existing = source && made.get(c.id)?.id === source.targetId ? source : undefined;
    if (!body) {
      run.report.add('comment', 'skipped');
      warn('empty comment: not imported');
      continue;
    }
    const dupHash = contentHash(itemId, email, body);
    if (existing) {
      if (existing.hash === hash) run.report.add('comment', 'skipped');
      else {
        await run.db.updateTable('comments').set({ ...row, content_hash: dupHash }).where('id', '=', existing.targetId).execute();
        await run.remember('comment', c.id, '', 'comment', existing.targetId, hash);
        run.report.add('comment', 'updated');
        changed = true;
      }
      hashes.add(dupHash);
      continue;
    }
    if (hashes.has(dupHash) || (existedBefore && (await run.db.selectFrom('comments').select('id').where('item_id', '=', itemId).where('content_hash', '=', dupHash).executeTakeFirst()))) {
      run.report.add('comment', 'skipped');
      warn('the same text by the same person is already on this item: not imported twice');
      continue;
    }
    hashes.add(dupHash);
    // A reply to a comment still waiting in this generation starts the next one.
    if (c.parent && currentParents.has(c.parent)) {
      await insertGeneration();
      currentParents = new Set();
    }
    generation.push({ wpId: c.id, parentWpId: c.parent, hash, values: { ...row, content_hash: dupHash } });
    currentParents.add(c.id);
    run.report.add('comment', 'imported');
    changed = true;
  }
  await insertGeneration();
  run.comments.add(itemId, edition, generations, made);
  return changed;
}
