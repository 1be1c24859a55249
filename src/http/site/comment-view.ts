import type { FastifyRequest } from 'fastify';
import { commentsOpen, commentTarget, commentThread, isCommentable, issueFormToken, MAX_BODY, type CommentNode } from '../../modules/comments/index.js';
import type { CommentFormVM, CommentsVM, CommentVM } from '../../themes/default/comment-view-models.js';
import type { EditionSettings } from '../../modules/settings/index.js';
import type { SiteContext } from './site-context.js';

/** The item a comments section belongs to. */
export interface CommentedItem {
  id: number;
  slug: string;
  type: string;
  commentCount: number;
}

/** What the page was asked for: `?replyto=` and, after posting, `?comment=held|published` (never free text). */
function query(req: FastifyRequest | undefined): { replyTo: number | null; notice: string | null } {
  const q = (req?.query ?? {}) as Record<string, unknown>;
  const replyTo = typeof q.replyto === 'string' && /^[1-9][0-9]{0,9}$/.test(q.replyto) ? Number(q.replyto) : null;
  const notice = q.comment === 'held' || q.comment === 'published' ? q.comment : null;
  return { replyTo, notice };
}

function find(nodes: CommentNode[], id: number): CommentNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = find(n.children, id);
    if (inner) return inner;
  }
  return undefined;
}

/** The comment form of an item, empty or refilled with what a refused post held. */
export async function commentFormVM(ctx: SiteContext, itemId: number, itemUrl: string, replyTo: CommentNode | undefined, values: CommentFormVM['values'] = { name: '', email: '', body: '', notify: false }, invalid: string[] = []): Promise<CommentFormVM> {
  const { site } = ctx;
  return {
    action: site.url('/comments'),
    itemId,
    token: await issueFormToken(ctx.db, site.edition.code, itemId, ctx.comments.clock.now()),
    replyTo: replyTo ? { id: replyTo.id, author: replyTo.authorName, cancelUrl: `${itemUrl}#comment-form` } : null,
    values,
    invalid,
    maxBody: MAX_BODY,
    maxBodyText: site.format.number(MAX_BODY),
  };
}

/** The comments section of an item's page, or null for types without comments. On a preview, no form. */
export async function commentsVM(ctx: SiteContext, settings: EditionSettings, item: CommentedItem, req: FastifyRequest | undefined, preview = false): Promise<CommentsVM | null> {
  if (!isCommentable(item.type)) return null;
  const { site } = ctx;
  // The count is exact (kept in the same transaction as every status change): no comments, no thread query.
  const [thread, target] = await Promise.all([item.commentCount > 0 ? commentThread(ctx.db, item.id) : [], commentTarget(ctx.db, item.id)]);
  const now = ctx.comments.clock.now();
  const open = !!target && commentsOpen(target, settings, now);
  const itemUrl = site.item(item.slug);
  const maxDepth = settings.comments.depth;
  const vm = (n: CommentNode): CommentVM => ({
    id: n.id,
    author: n.authorName,
    fromNewsroom: n.fromNewsroom,
    date: site.format.date(n.createdAt),
    datetime: n.createdAt,
    body: n.body,
    replyUrl: open && n.depth < maxDepth ? `${itemUrl}?replyto=${n.id}#comment-form` : null,
    children: n.children.map(vm),
  });
  const q = query(req);
  const replyTo = q.replyTo !== null ? find(thread, q.replyTo) : undefined;
  return {
    heading: site.t.plural('comments', item.commentCount),
    comments: thread.map(vm),
    form: open && !preview ? await commentFormVM(ctx, item.id, itemUrl, replyTo && replyTo.depth < maxDepth ? replyTo : undefined) : null,
    // A draft's preview shows no form, and does not claim comments are closed either.
    closed: !open && !preview,
    notice: q.notice === 'held' ? site.t('commentHeld') : q.notice === 'published' ? site.t('commentPublished') : null,
  };
}
