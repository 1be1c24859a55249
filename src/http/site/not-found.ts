import type { FastifyReply, FastifyRequest } from 'fastify';
import { MessagePage } from '../../themes/default/pages/message-page.js';
import { buildChrome } from './chrome.js';
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

export function notFound(ctx: SiteContext, _req: FastifyRequest, reply: FastifyReply) {
  return messagePage(ctx, reply, 'notFound');
}
