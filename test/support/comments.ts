import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { parse } from 'node-html-parser';
import { ManualClock } from '../../src/lib/clock.js';
import { MIN_FILL_MS } from '../../src/modules/comments/index.js';
import { setSetting } from '../../src/modules/settings/index.js';
import type { Db } from '../../src/storage/database.js';

/** The hidden fields and target of an item page's comment form (optionally with `?replyto=`). */
export async function commentForm(app: FastifyInstance, itemUrl: string, replyTo?: number): Promise<{ action: string; fields: Record<string, string> } | null> {
  const res = await app.inject({ method: 'GET', url: replyTo ? `${itemUrl}?replyto=${replyTo}` : itemUrl });
  const form = parse(res.body).querySelector('#comment-form');
  if (!form) return null;
  const fields: Record<string, string> = {};
  for (const input of form.querySelectorAll('input[type=hidden]')) fields[input.getAttribute('name')!] = input.getAttribute('value') ?? '';
  return { action: form.getAttribute('action')!, fields };
}

/** A reader posting the comment form of an item, after filling it for a human while (the clock moved past the minimum fill time). */
export class Commenter {
  constructor(readonly app: FastifyInstance, readonly clock: ManualClock) {}

  async post(itemUrl: string, values: Record<string, string>, opts: { replyTo?: number; ip?: string; wait?: boolean; override?: Record<string, string> } = {}): Promise<LightMyRequestResponse> {
    const form = await commentForm(this.app, itemUrl, opts.replyTo);
    if (!form) throw new Error(`no comment form on ${itemUrl}`);
    if (opts.wait !== false) this.clock.advance(MIN_FILL_MS + 1000);
    const params = new URLSearchParams({ ...form.fields, name: 'Reader', email: 'reader@example.org', body: 'A thoughtful comment.', website: '', ...values, ...opts.override });
    return this.app.inject({ method: 'POST', url: form.action, remoteAddress: opts.ip ?? '203.0.113.7', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: params.toString() });
  }
}

/** Sets an edition's comment settings (the rest at their defaults). */
export function setCommentSettings(db: Db, edition: string, s: Partial<{ depth: number; autoApproveReturning: boolean; closeAfterDays: number; notifyModerators: boolean }>): Promise<void> {
  return setSetting(db, edition, 'comments', { depth: 3, autoApproveReturning: false, closeAfterDays: 0, notifyModerators: true, ...s });
}

/** Comments of an item as stored. */
export function storedComments(db: Db, itemId: number) {
  return db.selectFrom('comments').selectAll().where('item_id', '=', itemId).orderBy('id').execute();
}

export async function commentCount(db: Db, itemId: number): Promise<number> {
  return Number((await db.selectFrom('items').select('comment_count').where('id', '=', itemId).executeTakeFirstOrThrow()).comment_count);
}
