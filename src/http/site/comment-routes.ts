import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyFormbody from '@fastify/formbody';
import { CommentError, commentTarget, commentThread, postComment, type CommentErrorCode } from '../../modules/comments/index.js';
import { CommentRefusedPage } from '../../themes/default/pages/comment-refused.js';
import { buildChrome } from './chrome.js';
import { commentFormVM } from './comment-view.js';
import { notFound } from './not-found.js';
import { sendHtml, type SiteContext } from './site-context.js';

/** How a refused comment answers: a status, and whether the form comes back filled in (the reader can fix it). */
const REFUSALS: Record<Exclude<CommentErrorCode, 'comments.not_found' | 'comments.forbidden'>, { status: number; refill: boolean }> = {
  'comments.invalid_input': { status: 400, refill: true },
  'comments.closed': { status: 403, refill: false },
  'comments.bad_parent': { status: 400, refill: true },
  'comments.too_deep': { status: 400, refill: true },
  'comments.honeypot': { status: 400, refill: false },
  'comments.too_fast': { status: 400, refill: true },
  'comments.bad_token': { status: 400, refill: true },
  'comments.duplicate': { status: 409, refill: false },
  'comments.rate_limited': { status: 429, refill: true },
};

/** A form field as @fastify/formbody gives it: a string, the first of repeated ones, or ''. */
function field(body: Record<string, unknown>, name: string, max: number): string {
  const v = body[name];
  const s = typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
  // Cut well past the limits, so an over-long field is refused as such rather than silently shortened.
  return s.slice(0, max);
}

const ID = /^[1-9][0-9]{0,9}$/;

/** POST /comments under an edition's prefix: the public comment form's target, with its own small form parser. */
export async function commentRoutes(app: FastifyInstance, opts: { ctx: SiteContext }): Promise<void> {
  const { ctx } = opts;
  const { site } = ctx;
  await app.register(fastifyFormbody, { bodyLimit: 64 * 1024 });

  async function refused(reply: FastifyReply, err: CommentError, itemId: number, parentId: number | null, values: { name: string; email: string; body: string; notify: boolean }) {
    const how = REFUSALS[err.code as keyof typeof REFUSALS];
    const item = await commentTarget(ctx.db, itemId);
    if (!how || !item) return notFound(ctx, reply.request, reply);
    const url = site.item(item.slug);
    let form = null;
    if (how.refill) {
      const replyTo = parentId !== null && err.code !== 'comments.bad_parent' && err.code !== 'comments.too_deep' ? findNode(await commentThread(ctx.db, itemId), parentId) : undefined;
      form = await commentFormVM(ctx, itemId, url, replyTo, values, err.fields);
    }
    const title = site.t('commentRefusedTitle');
    const chrome = buildChrome(site, ctx.editions, ctx.assets, await ctx.data.get(site.edition.code), { title, path: '', noindex: true, canonical: false });
    const text = site.t(`commentRefused_${err.code.slice('comments.'.length)}`);
    return sendHtml(reply.header('cache-control', 'no-store'), CommentRefusedPage({ chrome, title, text, back: { label: site.t('backToItem', { title: item.title }), url: `${url}#comments` }, form }), how.status);
  }

  app.post('/comments', async (req, reply) => {
    const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
    const itemRaw = field(body, 'item_id', 20);
    const parentRaw = field(body, 'parent_id', 20);
    if (!ID.test(itemRaw)) return notFound(ctx, req, reply);
    const itemId = Number(itemRaw);
    const values = { name: field(body, 'name', 1000), email: field(body, 'email', 1000), body: field(body, 'body', 50_000), notify: field(body, 'notify', 10) !== '' };
    const parentId = parentRaw === '' ? null : ID.test(parentRaw) ? Number(parentRaw) : -1;
    try {
      if (parentId === -1) throw new CommentError('comments.bad_parent', 'the parent is not a comment id');
      const { id, status, itemSlug } = await postComment(ctx.db, { now: ctx.comments.clock.now(), limits: ctx.comments.limits, mailer: ctx.comments.mailer }, {
        itemId, edition: site.edition.code, parentId, ...values,
        honeypot: field(body, 'website', 1000), token: field(body, 'token', 200), ip: req.ip ?? null, userAgent: String(req.headers['user-agent'] ?? '') || null,
      });
      const where = status === 'approved' ? `?comment=published#comment-${id}` : '?comment=held#comments';
      return reply.redirect(site.item(itemSlug) + where, 303);
    } catch (err) {
      if (!(err instanceof CommentError)) throw err;
      req.log.info({ code: err.code, itemId }, 'comment refused');
      return refused(reply, err, itemId, parentId === -1 ? null : parentId, values);
    }
  });
}

function findNode<T extends { id: number; children: T[] }>(nodes: T[], id: number): T | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = findNode(n.children, id);
    if (inner) return inner;
  }
  return undefined;
}
