import type { Edition } from '../../modules/editions/index.js';
import type { QueueRow } from '../../modules/comments/index.js';
import { Csrf, ListPager, Select, TableWrap, TextArea } from './form-fields.js';

export const COMMENT_STATUS_NAMES: Record<string, string> = { pending: 'Pending', approved: 'Approved', spam: 'Spam', trash: 'Trash' };
const ACTION_NAMES: Record<string, string> = { approved: 'Approve', pending: 'Hold for moderation', spam: 'Mark as spam', trash: 'Move to trash' };
/** The buttons a row offers, by its status: the ways out of where it is. */
const ROW_ACTIONS: Record<string, string[]> = {
  pending: ['approved', 'spam', 'trash'],
  approved: ['pending', 'spam', 'trash'],
  spam: ['approved', 'trash'],
  trash: ['approved', 'spam'],
};
const ROW_LABELS: Record<string, string> = { approved: 'Approve', pending: 'Unapprove', spam: 'Spam', trash: 'Trash' };

export interface QueueFilterVM {
  edition: string;
  /** a status, or 'all' */
  status: string;
  itemId: number | null;
  page: number;
}

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** The moderation queue: filters, bulk controls, one row per comment with its own buttons. */
export function CommentQueueView(p: {
  csrf: string; rows: QueueRow[]; hasMore: boolean; filter: QueueFilterVM; editions: readonly Edition[]; allEditions: readonly Edition[]; returnTo: string;
  item: { id: number; title: string; closed: boolean; edition: string } | null;
}) {
  const byCode = new Map(p.allEditions.map((e) => [e.code, e]));
  const f = p.filter;
  const href = (page: number) => {
    const q = new URLSearchParams();
    if (f.edition) q.set('edition', f.edition);
    q.set('status', f.status);
    if (f.itemId) q.set('item', String(f.itemId));
    if (page > 1) q.set('page', String(page));
    return `/admin/comments?${q}`;
  };
  return (
    <>
      {p.item ? (
        <form method="post" action={`/admin/items/${p.item.id}/comments-closed`} class="actions">
          <Csrf token={p.csrf} />
          <input type="hidden" name="closed" value={p.item.closed ? '0' : '1'} />
          <p>{p.item.closed ? 'Readers can no longer comment on this item.' : 'Readers can comment on this item.'}</p>
          <button type="submit">{p.item.closed ? 'Reopen comments' : 'Close comments'}</button>
          <a href={`/admin/items/${p.item.id}`}>Edit the item</a>
        </form>
      ) : null}
      <form method="get" action="/admin/comments" class="filters" role="search" aria-label="Filter comments">
        {p.item ? <input type="hidden" name="item" value={String(p.item.id)} /> : null}
        <Select name="edition" label="Edition" value={f.edition} options={[{ value: '', label: 'All' }, ...p.editions.map((e) => ({ value: e.code, label: e.name }))]} />
        <Select name="status" label="Status" value={f.status} options={[...Object.entries(COMMENT_STATUS_NAMES).map(([value, label]) => ({ value, label })), { value: 'all', label: 'All' }]} />
        <button type="submit">Filter</button>
      </form>
      {p.rows.length ? (
        <form method="post" action="/admin/comments/bulk">
          <Csrf token={p.csrf} />
          <input type="hidden" name="returnTo" value={p.returnTo} />
          <div class="actions">
            <label for="comment-bulk-action">With the selected comments:</label>
            <select id="comment-bulk-action" name="action">
              {Object.entries(ACTION_NAMES).map(([value, label]) => <option value={value}>{label}</option>)}
            </select>
            <button type="submit">Apply</button>
            <button type="submit" name="bulk" value="delete" class="danger" data-confirm="Delete the selected comments and their replies for good? This cannot be undone.">Delete for good</button>
          </div>
          <TableWrap label="Comments">
            <table class="comments-queue">
              <thead>
                <tr>
                  <th scope="col"><input type="checkbox" data-select-all aria-label="Select all comments" /></th>
                  <th scope="col">Author</th>
                  <th scope="col">Comment</th>
                  <th scope="col">On</th>
                  <th scope="col">Date (UTC)</th>
                  <th scope="col">Status</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {p.rows.map((r) => {
                  const e = byCode.get(r.edition);
                  return (
                    <tr id={`c-${r.id}`}>
                      <td><input type="checkbox" name="ids" value={String(r.id)} aria-label={`Select the comment by ${r.authorName}`} /></td>
                      <td>
                        <span dir="auto">{r.authorName}</span>{r.fromNewsroom ? ' (newsroom)' : null}
                        {r.authorEmail ? <><br /><a href={`mailto:${r.authorEmail}`}>{r.authorEmail}</a></> : null}
                        {r.ip ? <><br /><small>{r.ip}</small></> : null}
                      </td>
                      <td class="comment-body" lang={e?.locale} dir="auto">
                        {r.parentId ? <small>In reply to comment {r.parentId}<br /></small> : null}
                        {r.body.split('\n').map((line, i) => [i > 0 ? <br /> : null, line])}
                      </td>
                      <td><a href={`/admin/comments?item=${r.itemId}&status=all`} lang={e?.locale} dir="auto">{r.item.title}</a><br /><small>{e?.name ?? r.edition}</small></td>
                      <td><time datetime={r.createdAt}>{when(r.createdAt)}</time></td>
                      <td><span class={`status status-${r.status}`}>{COMMENT_STATUS_NAMES[r.status] ?? r.status}</span></td>
                      <td class="row-actions">
                        {(ROW_ACTIONS[r.status] ?? []).map((a) => (
                          <button type="submit" name="one" value={`${a}:${r.id}`} aria-label={`${ROW_LABELS[a]}: comment by ${r.authorName}`}>{ROW_LABELS[a]}</button>
                        ))}
                        {r.status === 'pending' || r.status === 'approved' ? <a href={`/admin/comments/${r.id}/reply`} aria-label={`Reply to ${r.authorName}`}>Reply</a> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        </form>
      ) : <p class="empty">No comments match.</p>}
      <ListPager page={f.page} hasMore={p.hasMore} href={href} />
    </>
  );
}

/** The comment being answered, and the reply form. */
export function CommentReplyView(p: { csrf: string; comment: QueueRow; editions: readonly Edition[] }) {
  const c = p.comment;
  const e = p.editions.find((x) => x.code === c.edition);
  return (
    <>
      <figure class="quoted-comment">
        <blockquote lang={e?.locale} dir="auto">{c.body.split('\n').map((line, i) => [i > 0 ? <br /> : null, line])}</blockquote>
        <figcaption><span dir="auto">{c.authorName}</span> on <a href={`/admin/comments?item=${c.itemId}&status=all`} dir="auto">{c.item.title}</a>, {when(c.createdAt)} UTC</figcaption>
      </figure>
      {c.status === 'pending' ? <p class="hint">This comment waits for moderation: replying approves it.</p> : null}
      <form method="post" action={`/admin/comments/${c.id}/reply`} class="narrow">
        <Csrf token={p.csrf} />
        <TextArea name="body" label="Your reply" rows={6} maxlength={5000} required dir="auto" lang={e?.locale} hint="Plain text. It is published at once under your name." />
        <div class="actions"><button type="submit" class="primary">Publish reply</button> <a href="/admin/comments">Back to the comments</a></div>
      </form>
    </>
  );
}
