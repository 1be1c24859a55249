import type { FastifyReply, FastifyRequest } from 'fastify';
import { MessagePage } from '../../themes/default/pages/message-page.js';
import { buildChrome } from './chrome.js';
import { oldAddress, sendOn } from './old-addresses.js';
import { sendHtml, type SiteContext } from './site-context.js';

type MessageKind = 'notFound' | 'badRequest' | 'error';
const STATUS: Record<MessageKind, number> = { notFound: 404, badRequest: 400, error: 500 };

/** A full page (header, menu, sidebar, footer) with a message in the edition's language. */
export async function messagePage(ctx: SiteContext, reply: FastifyReply, kind: MessageKind, status = STATUS[kind]): Promise<FastifyReply> {
  const { site } = ctx;
  const { t } = site;
  const title = t(`${kind}Title`);
  const chrome = buildChrome(site, ctx.editions, ctx.assets, await ctx.data.get(site.edition.code), { title, path: '', noindex: true, canonical: false });
  return sendHtml(reply, MessagePage({ chrome, message: { title, text: t(`${kind}Text`), homeUrl: site.home() } }), status);
}

/** Nothing here: an old address with a redirect sends the reader on (410 for one marked gone), anything else is the 404 page. */
export async function notFound(ctx: SiteContext, req: FastifyRequest, reply: FastifyReply) {
  const old = await oldAddress(ctx.db, req);
  if (old) return old.status === 410 ? messagePage(ctx, reply, 'notFound', 410) : sendOn(reply, old);
  return messagePage(ctx, reply, 'notFound');
}
