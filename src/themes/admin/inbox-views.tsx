import type { Edition } from '../../modules/editions/index.js';
import type { InboxMessage } from '../../modules/contact/index.js';
import { Csrf, ListPager, Select, TableWrap } from './form-fields.js';

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** The filters of the inbox as the page shows them. */
export interface InboxFilterVM {
  edition: string;
  archived: boolean;
  page: number;
}

/** A reply by the reader's own mail program: their address and "Re:" the subject. */
export function replyHref(m: InboxMessage): string {
  return `mailto:${encodeURIComponent(m.email).replace(/%40/g, '@')}?subject=${encodeURIComponent(`Re: ${m.subject || 'your message'}`)}`;
}

function EditionName(p: { code: string; editions: readonly Edition[] }) {
  const e = p.editions.find((x) => x.code === p.code);
  return <>{e ? e.name : p.code}</>;
}

/** The contact-form inbox: filters, the messages (unread in bold), and bulk actions. */
export function InboxListView(p: { csrf: string; messages: InboxMessage[]; total: number; unread: number; filter: InboxFilterVM; editions: readonly Edition[]; href: (page: number) => string; hasMore: boolean; returnTo: string }) {
  const f = p.filter;
  return (
    <>
      <form method="get" action="/admin/inbox" class="filters" role="search" aria-label="Filter messages">
        <Select name="edition" label="Edition" value={f.edition} options={[{ value: '', label: 'All my editions' }, ...p.editions.map((e) => ({ value: e.code, label: e.name }))]} />
        <Select name="show" label="Show" value={f.archived ? 'archived' : 'inbox'} options={[{ value: 'inbox', label: 'Inbox' }, { value: 'archived', label: 'Archived' }]} />
        <button type="submit">Filter</button>
      </form>
      <p>{f.archived ? `${p.total} archived message(s).` : `${p.total} message(s), ${p.unread} unread.`}</p>
      {p.messages.length === 0 ? (
        <p class="empty">{f.archived ? 'No archived messages.' : 'No messages. Messages sent with the contact form appear here.'}</p>
      ) : (
        <form method="post" action="/admin/inbox/bulk">
          <Csrf token={p.csrf} />
          <input type="hidden" name="returnTo" value={p.returnTo} />
          <div class="actions">
            <label for="bulk-action">With the selected messages:</label>
            <select id="bulk-action" name="action">
              {f.archived ? <option value="unarchive">Move back to the inbox</option> : <option value="archive">Archive</option>}
              <option value="read">Mark read</option>
              <option value="unread">Mark unread</option>
            </select>
            <button type="submit">Apply</button>
          </div>
          <TableWrap label="Contact messages">
            <table class="inbox">
              <thead>
                <tr><th scope="col"><span class="visually-hidden">Select</span></th><th scope="col">From</th><th scope="col">Subject</th><th scope="col">Edition</th><th scope="col">Received</th><th scope="col">Status</th></tr>
              </thead>
              <tbody>
                {p.messages.map((m) => (
                  <tr class={m.readAt ? undefined : 'inbox-unread'}>
                    <td><input type="checkbox" name="ids" value={String(m.id)} id={`m-${m.id}`} aria-label={`Select the message from ${m.name}`} /></td>
                    <td dir="auto">{m.name}</td>
                    <td><a href={`/admin/inbox/${m.id}`} dir="auto">{m.subject || '(no subject)'}</a></td>
                    <td><EditionName code={m.edition} editions={p.editions} /></td>
                    <td><time datetime={m.createdAt}>{when(m.createdAt)}</time></td>
                    <td>{m.readAt ? 'Read' : <strong>Unread</strong>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </form>
      )}
      <ListPager page={f.page} hasMore={p.hasMore} href={p.href} />
    </>
  );
}

function ActionButton(p: { csrf: string; id: number; action: string; label: string }) {
  return (
    <form method="post" action={`/admin/inbox/${p.id}/${p.action}`} class="inline">
      <Csrf token={p.csrf} />
      <button type="submit">{p.label}</button>
    </form>
  );
}

/** One message, shown as plain text exactly as the reader typed it, with what can be done with it. */
export function InboxMessageView(p: { csrf: string; message: InboxMessage; editions: readonly Edition[] }) {
  const m = p.message;
  return (
    <article class="inbox-message">
      <dl class="inbox-meta">
        <dt>From</dt><dd><span dir="auto">{m.name}</span> &lt;<a href={replyHref(m)}>{m.email}</a>&gt;</dd>
        <dt>Edition</dt><dd><EditionName code={m.edition} editions={p.editions} /></dd>
        <dt>Received</dt><dd><time datetime={m.createdAt}>{when(m.createdAt)}</time></dd>
        {m.ip ? <><dt>Sent from</dt><dd><code>{m.ip}</code></dd></> : null}
        {m.archivedAt ? <><dt>Archived</dt><dd><time datetime={m.archivedAt}>{when(m.archivedAt)}</time></dd></> : null}
      </dl>
      <div class="message-body" dir="auto">{m.body}</div>
      <div class="actions">
        <a class="button" href={replyHref(m)}>Reply by email</a>
        <ActionButton csrf={p.csrf} id={m.id} action="unread" label="Mark unread" />
        {m.archivedAt ? <ActionButton csrf={p.csrf} id={m.id} action="unarchive" label="Move back to the inbox" /> : <ActionButton csrf={p.csrf} id={m.id} action="archive" label="Archive" />}
        <a href="/admin/inbox">Back to the inbox</a>
      </div>
    </article>
  );
}
