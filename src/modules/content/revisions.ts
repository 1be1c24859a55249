import { createRequire } from 'node:module';
import type SanitizeHtml from 'sanitize-html';
import type { Db } from '../../storage/database.js';
import type { Actor } from '../accounts/index.js';
import { ContentError } from './content.errors.js';
import { itemStateSchema, type ItemState } from './editorial.schema.js';
import { loadEditable, saveItem, type SaveContext } from './editorial.service.js';

/** One saved state of an item, as the revision list shows it. */
export interface RevisionSummary {
  id: number;
  createdAt: string;
  userName: string | null;
  title: string;
  status: string;
}

export async function recordRevision(db: Db, itemId: number, userId: number | null, at: string, state: ItemState): Promise<void> {
  await db.insertInto('item_revisions').values({ item_id: itemId, user_id: userId, created_at: at, snapshot: JSON.stringify(state) }).execute();
}

function revisionsOf(db: Db, itemId: number) {
  return db
    .selectFrom('item_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.created_at', 'r.snapshot', 'u.display_name'])
    .where('r.item_id', '=', itemId);
}

/** Newest first. The actor must be able to see the item. */
export async function listRevisions(db: Db, actor: Actor, itemId: number): Promise<RevisionSummary[]> {
  await loadEditable(db, actor, itemId);
  const rows = await revisionsOf(db, itemId).orderBy('r.id', 'desc').execute();
  return rows.map((r) => {
    const s = JSON.parse(r.snapshot) as ItemState;
    return { id: r.id, createdAt: r.created_at, userName: r.display_name, title: s.title, status: s.status };
  });
}

export async function getRevision(db: Db, actor: Actor, itemId: number, revisionId: number): Promise<RevisionSummary & { state: ItemState }> {
  await loadEditable(db, actor, itemId);
  const r = await revisionsOf(db, itemId).where('r.id', '=', revisionId).executeTakeFirst();
  if (!r) throw new ContentError('content.not_found', 'no such revision of this item');
  const state = itemStateSchema.parse(JSON.parse(r.snapshot));
  return { id: r.id, createdAt: r.created_at, userName: r.display_name, title: state.title, status: state.status, state };
}

/** Makes an older revision the item's current state; that is itself saved as a new revision. */
export async function restoreRevision(db: Db, sc: SaveContext, itemId: number, revisionId: number): Promise<void> {
  const { state } = await getRevision(db, sc.actor, itemId, revisionId);
  const current = await loadEditable(db, sc.actor, itemId);
  // The restored text comes back; whether the item is live, and pinned, stays as it is now.
  await saveItem(db, sc, itemId, { ...state, status: current.status, publishedAt: current.publishedAt, pinned: current.pinned });
}

let sanitizeHtml: typeof SanitizeHtml | undefined;

/** A body as lines of text, one block per line, for comparing two revisions. */
export function bodyAsText(html: string): string {
  sanitizeHtml ??= createRequire(import.meta.url)('sanitize-html') as typeof SanitizeHtml;
  const blocks = html.replace(/<\/(p|h[1-6]|li|blockquote|figcaption|pre|tr)>|<br\s*\/?>/gi, '$&\n');
  const text = sanitizeHtml(blocks, { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&')
    .split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
}

/** The fields a revision comparison lists, with labels. */
export const COMPARED_FIELDS: { key: keyof ItemState; label: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'slug', label: 'Slug' },
  { key: 'excerpt', label: 'Excerpt' },
  { key: 'status', label: 'Status' },
  { key: 'publishedAt', label: 'Publish date' },
  { key: 'sourceLine', label: 'Source line' },
  { key: 'authorId', label: 'Author' },
  { key: 'categoryId', label: 'Category' },
  { key: 'tagIds', label: 'Tags' },
  { key: 'featuredMediaId', label: 'Featured image' },
  { key: 'seoTitle', label: 'SEO title' },
  { key: 'seoDescription', label: 'SEO description' },
  { key: 'pinned', label: 'Pinned to the home page' },
];
