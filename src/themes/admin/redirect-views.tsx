import type { Redirect } from '../../modules/redirects/index.js';
import { Csrf, Field, ListPager, Select, TableWrap } from './form-fields.js';

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'never');

const STATUS_LABELS: Record<number, string> = { 301: '301 moved for good', 302: '302 moved for now', 410: '410 gone' };
const STATUS_OPTIONS = [
  { value: '301', label: '301 — moved for good (old links, search engines follow)' },
  { value: '302', label: '302 — moved for now' },
  { value: '410', label: '410 — gone, no new address' },
];

/** What the redirect form shows and sends back. */
export interface RedirectFormVM {
  from: string;
  to: string;
  status: string;
  /** per field: what to correct */
  errors: Partial<Record<'from' | 'to' | 'status', string>>;
}

/** The fields of a redirect, with their errors beside them. */
function RedirectFields(p: { values: RedirectFormVM }) {
  const v = p.values;
  return (
    <>
      <Field name="from" label="Old address" value={v.from} required maxlength={2000} dir="ltr" error={v.errors.from}
        hint="A path on this site as it was, starting with /: /2019/05/some-slug/, /?p=123, /category/news/. Persian or Arabic letters can be typed as they are or percent-encoded." />
      <Field name="to" label="New address" value={v.to} maxlength={2000} dir="ltr" error={v.errors.to}
        hint="A path on this site (/fa/some-article/) or a full address (https://…) on another site. Leave empty for 410 gone." />
      <Select name="status" label="Kind" value={v.status} options={STATUS_OPTIONS} />
      {v.errors.status ? <p class="error">{v.errors.status}</p> : null}
    </>
  );
}

/** The redirects: search, the add form, the list with its pages. */
export function RedirectListView(p: { csrf: string; redirects: Redirect[]; total: number; search: string; page: number; hasMore: boolean; href: (page: number) => string; form: RedirectFormVM }) {
  return (
    <>
      <p>Old addresses nashr has no page for (the WordPress site’s permalinks, <code>/?p=123</code>, archives and feeds) send readers and search engines on to their new pages. An import adds them; add and correct them here. A redirect applies only where nashr has no page of its own.</p>
      <form method="get" action="/admin/redirects" class="filters" role="search" aria-label="Search redirects">
        <Field name="q" label="Old or new address contains" value={p.search} maxlength={500} type="search" />
        <button type="submit">Search</button>
        {p.search ? <a href="/admin/redirects">Show all</a> : null}
      </form>
      <p>{p.search ? `${p.total} redirect(s) match.` : `${p.total} redirect(s).`}</p>
      {p.redirects.length === 0 ? (
        <p class="empty">{p.search ? 'No redirect matches.' : 'No redirects yet. Importing a WordPress site adds one for every old address.'}</p>
      ) : (
        <TableWrap label="Redirects">
          <table class="redirects">
            <thead>
              <tr><th scope="col">Old address</th><th scope="col">New address</th><th scope="col">Kind</th><th scope="col">Made by</th><th scope="col">Used</th><th scope="col">Last used</th></tr>
            </thead>
            <tbody>
              {p.redirects.map((r) => (
                <tr>
                  <td><a href={`/admin/redirects/${r.id}`}><bdi dir="ltr">{r.from}</bdi></a></td>
                  <td><bdi dir="ltr">{r.to || '—'}</bdi></td>
                  <td>{STATUS_LABELS[r.status] ?? String(r.status)}</td>
                  <td>{r.source === 'import' ? 'Import' : 'Newsroom'}</td>
                  <td>{String(r.hits)}</td>
                  <td>{r.lastHitAt ? <time datetime={r.lastHitAt}>{when(r.lastHitAt)}</time> : 'never'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <ListPager page={p.page} hasMore={p.hasMore} href={p.href} />
      <section aria-labelledby="add-redirect">
        <h2 id="add-redirect">Add a redirect</h2>
        <form method="post" action="/admin/redirects" class="narrow">
          <Csrf token={p.csrf} />
          <RedirectFields values={p.form} />
          <button type="submit" class="primary">Add redirect</button>
        </form>
      </section>
    </>
  );
}

/** One redirect: change it, or delete it. */
export function RedirectEditView(p: { csrf: string; redirect: Redirect; form: RedirectFormVM }) {
  const r = p.redirect;
  return (
    <>
      <p class="hint">
        {r.source === 'import' ? 'Made by a WordPress import. Once you save it here, a new import leaves it as you set it.' : 'Added or changed in the newsroom; an import never changes it.'}{' '}
        Used {String(r.hits)} time(s), last {when(r.lastHitAt)}.
      </p>
      <form method="post" action={`/admin/redirects/${r.id}`} class="narrow">
        <Csrf token={p.csrf} />
        <RedirectFields values={p.form} />
        <button type="submit" class="primary">Save</button>{' '}
        <a href="/admin/redirects">Cancel</a>
      </form>
      <form method="post" action={`/admin/redirects/${r.id}/delete`} data-confirm="Delete this redirect? The old address will answer “not found”.">
        <Csrf token={p.csrf} />
        <button type="submit" class="danger">Delete redirect</button>
      </form>
    </>
  );
}
