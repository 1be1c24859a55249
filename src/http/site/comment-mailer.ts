import type { CommentMailer } from '../../modules/comments/index.js';
import type { SiteEditions } from './chrome.js';

/**
 * The words of comment mails: moderators read the newsroom's English; a reader told of a reply
 * reads the language of the edition they commented in.
 */
export function commentMailer(editions: SiteEditions, baseUrl: string): CommentMailer {
  return {
    held(n) {
      const site = editions.byCode.get(n.edition);
      const page = site ? baseUrl + site.item(n.itemSlug) : '';
      return {
        subject: `A comment waits for moderation: “${n.itemTitle}”`,
        text: [
          `${n.author} commented on “${n.itemTitle}”${site ? ` (${site.edition.name} edition)` : ''}:`,
          '',
          n.body,
          '',
          `Approve, reply or discard it: ${baseUrl}/admin/comments?status=pending&edition=${encodeURIComponent(n.edition)}`,
          page ? `The page: ${page}` : '',
        ].join('\n').trim(),
      };
    },
    reply(n) {
      const site = editions.byCode.get(n.edition) ?? editions.sites[0]!;
      const url = `${baseUrl}${site.item(n.itemSlug)}#comment-${n.replyId}`;
      return {
        subject: site.t('commentReplyMailSubject', { title: n.itemTitle }),
        text: site.t('commentReplyMailText', { name: n.parentAuthor, replier: n.replyAuthor, title: n.itemTitle, reply: n.replyBody, url }),
      };
    },
  };
}
