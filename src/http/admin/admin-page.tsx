import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Child } from '#jsx/jsx-runtime';
import { actorOf, canAdminister, type Actor } from '../../modules/accounts/index.js';
import { AdminLayout } from '../../themes/admin/layout.js';
import type { AdminChrome } from '../../themes/admin/view-models.js';
import { sendAdminHtml, type AdminContext } from './admin-context.js';
import { csrfTokenFor } from './session-hooks.js';
import { TYPE_PLURALS } from '../../themes/admin/item-types.js';

/** Short notices a redirect can ask for with `?notice=` (never free text from the URL). */
const NOTICES: Record<string, string> = {
  saved: 'Saved.',
  created: 'Created.',
  deleted: 'Deleted.',
  restored: 'The revision was restored as a new revision.',
  published: 'Published.',
  scheduled: 'Scheduled.',
  submitted: 'Submitted for review.',
  password: 'Your password was changed.',
  totp_on: 'Two-factor sign-in is on.',
  totp_off: 'Two-factor sign-in is off.',
  bulk: 'Done.',
  photos: 'The photos were added to the gallery.',
  replied: 'Your reply is published.',
  comments_closed: 'Comments on this item are closed.',
  comments_open: 'Comments on this item are open.',
  archived: 'Archived.',
  unarchived: 'Moved back to the inbox.',
  unread: 'Marked unread.',
  revoked: 'The key is revoked: requests with it are refused from now on.',
};

function navFor(actor: Actor | undefined): AdminChrome['nav'] {
  if (!actor) return [];
  const nav: AdminChrome['nav'] = [
    { key: 'dashboard', label: 'Dashboard', href: '/admin' },
    { key: 'article', label: 'Articles', href: '/admin/items?type=article' },
    { key: 'page', label: 'Pages', href: '/admin/items?type=page' },
    {
      key: 'media-group', label: 'Media', children: [
        { key: 'media', label: 'Media library', href: '/admin/media' },
        ...(['cartoon', 'newspic', 'gallery', 'video'] as const).map((t) => ({ key: t, label: TYPE_PLURALS[t], href: `/admin/items?type=${t}` })),
      ],
    },
    { key: 'publications', label: 'Publications', children: (['book', 'periodical', 'issue'] as const).map((t) => ({ key: t, label: TYPE_PLURALS[t], href: `/admin/items?type=${t}` })) },
  ];
  if (actor.role !== 'contributor') nav.push({ key: 'comments', label: 'Comments', href: '/admin/comments' });
  if (actor.role === 'administrator' || actor.role === 'editor') nav.push({ key: 'inbox', label: 'Inbox', href: '/admin/inbox' });
  if (actor.role === 'administrator' || actor.role === 'editor') nav.push({ key: 'menus', label: 'Menus', href: '/admin/menus' });
  if (actor.role === 'administrator' || actor.role === 'editor') nav.push({ key: 'redirects', label: 'Redirects', href: '/admin/redirects' });
  if (canAdminister(actor)) {
    nav.push({ key: 'users', label: 'Users', href: '/admin/users' });
    nav.push({ key: 'settings', label: 'Settings', href: '/admin/settings' });
    nav.push({ key: 'import', label: 'Import', href: '/admin/import' });
    nav.push({ key: 'api-keys', label: 'API keys', href: '/admin/api-keys' });
  }
  nav.push({ key: 'account', label: 'Account', href: '/admin/account' });
  return nav;
}

export interface PageOptions {
  title: string;
  section?: string;
  /** bundle names, as served under /admin/assets/ */
  scripts?: string[];
  error?: string | null;
  status?: number;
  /** reload every so many seconds when scripts are off */
  refreshSeconds?: number;
}

/** Renders a newsroom page for this request: its menu, CSRF token, notice and content. */
export function sendAdminPage(ctx: AdminContext, req: FastifyRequest, reply: FastifyReply, opts: PageOptions, content: (csrf: string) => Child): FastifyReply {
  const csrf = csrfTokenFor(req, reply);
  const user = req.newsroom && !req.newsroom.secondFactorPending ? req.newsroom.user : null;
  const noticeKey = (req.query as Record<string, unknown> | undefined)?.notice;
  const notice = opts.error
    ? { kind: 'error' as const, text: opts.error }
    : typeof noticeKey === 'string' && NOTICES[noticeKey] ? { kind: 'success' as const, text: NOTICES[noticeKey]! } : null;
  const chrome: AdminChrome = {
    title: opts.title,
    csrfToken: csrf,
    user: user ? { displayName: user.displayName, role: user.role } : null,
    section: opts.section,
    css: ctx.assets.css,
    scripts: ['admin.js', ...(opts.scripts ?? [])].map((name) => ctx.assets.scripts[name]).filter((s): s is string => !!s),
    styles: (opts.scripts ?? []).includes('editor.js') && ctx.assets.scripts['editor.css'] ? [ctx.assets.scripts['editor.css']] : [],
    notice,
    nav: navFor(user ? actorOf(user) : undefined),
    refreshSeconds: opts.refreshSeconds,
  };
  return sendAdminHtml(reply, AdminLayout({ chrome, children: content(csrf) }), opts.status ?? (opts.error ? 400 : 200));
}
