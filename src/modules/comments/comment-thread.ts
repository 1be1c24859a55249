import type { Db } from '../../storage/database.js';
import * as repo from './comments.repository.js';

/** A published comment and the published replies under it. */
export interface CommentNode {
  id: number;
  authorName: string;
  /** written in the newsroom (a moderator's reply) */
  fromNewsroom: boolean;
  body: string;
  createdAt: string;
  /** how deep it shows: 1 at the top */
  depth: number;
  children: CommentNode[];
}

/**
 * The approved comments of an item as a tree, oldest first. A reply whose parent was later
 * trashed or marked as spam moves up to the nearest published ancestor, so every counted comment
 * shows.
 */
export async function commentThread(db: Db, itemId: number): Promise<CommentNode[]> {
  const approved = await repo.selectApproved(db, itemId);
  if (!approved.length) return [];
  const nodes = new Map<number, CommentNode>();
  for (const c of approved) nodes.set(c.id, { id: c.id, authorName: c.author_name, fromNewsroom: c.user_id !== null, body: c.body, createdAt: c.created_at, depth: 1, children: [] });
  const hasHidden = approved.some((c) => c.parent_id !== null && !nodes.has(c.parent_id));
  const parentOf = new Map<number, number | null>(approved.map((c) => [c.id, c.parent_id]));
  if (hasHidden) for (const p of await repo.selectParents(db, itemId)) parentOf.set(p.id, p.parent_id);
  const roots: CommentNode[] = [];
  for (const c of approved) {
    let parent = c.parent_id;
    for (let hops = 0; parent !== null && !nodes.has(parent) && hops < 100; hops++) parent = parentOf.get(parent) ?? null;
    const node = nodes.get(c.id)!;
    const home = parent !== null ? nodes.get(parent) : undefined;
    if (home) {
      node.depth = home.depth + 1;
      home.children.push(node);
    } else roots.push(node);
  }
  return roots;
}
