import type { FastifyInstance } from 'fastify';
import { canUseEdition, listUsers, type Actor } from '../../modules/accounts/index.js';
import { deleteItems, ITEM_STATUSES, listForNewsroom, loadEditable, setStatusOf, type NewsroomFilter } from '../../modules/content/index.js';
import { categoryTree } from '../../modules/taxonomy/index.js';
import { Csrf, ListPager, Select } from '../../themes/admin/form-fields.js';
import { ItemTable, STATUS_NAMES } from '../../themes/admin/item-table.js';
import { TYPE_PLURALS, typeName } from '../../themes/admin/item-types.js';
import type { AdminContext } from './admin-context.js';
import { badRequest, idParam } from './admin-errors.js';
import { sendAdminPage } from './admin-page.js';
import { actorOfRequest } from './session-hooks.js';

const TYPES: Record<string, string> = TYPE_PLURALS;
const BULK: Record<string, string> = { published: 'Publish', pending: 'Mark pending review', draft: 'Back to draft', delete: 'Delete' };

const one = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const ids = (v: unknown): number[] => (v === undefined ? [] : [v].flat().map((x) => idParam(x))).slice(0, 200);

/** The list of items with filters, search, pages and bulk actions. */
export async function itemListRoutes(app: FastifyInstance, opts: { ctx: AdminContext }): Promise<void> {
  const { ctx } = opts;

  function filterOf(actor: Actor, q: Record<string, unknown>): NewsroomFilter & { page: number } {
    const edition = one(q.edition);
    const type = one(q.type);
    const status = one(q.status);
    const page = one(q.page);
    return {
      edition: edition && ctx.editions.some((e) => e.code === edition) && canUseEdition(actor, edition) ? edition : undefined,
      type: Object.hasOwn(TYPES, type) ? type : undefined,
      status: (ITEM_STATUSES as readonly string[]).includes(status) ? status : undefined,
      authorId: /^[1-9][0-9]{0,9}$/.test(one(q.author)) ? Number(one(q.author)) : undefined,
      categoryId: /^[1-9][0-9]{0,9}$/.test(one(q.category)) ? Number(one(q.category)) : undefined,
      q: one(q.q).slice(0, 200) || undefined,
      page: /^[1-9][0-9]{0,5}$/.test(page) ? Number(page) : 1,
    };
  }

  app.get('/items', async (req, reply) => {
    const actor = actorOfRequest(req);
    const f = filterOf(actor, req.query as Record<string, unknown>);
    const { rows, hasMore } = await listForNewsroom(ctx.db, actor, f, f.page);
    const editions = ctx.editions.filter((e) => canUseEdition(actor, e.code));
    const people = (await listUsers(ctx.db)).map((u) => ({ value: String(u.id), label: u.displayName }));
    const categories = f.edition ? (await categoryTree(ctx.db, f.edition)).inTreeOrder().map((c) => ({ value: String(c.id), label: `${'— '.repeat(c.path.length - 1)}${c.name}` })) : [];
    const href = (page: number) => {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries({ edition: f.edition, type: f.type, status: f.status, author: f.authorId, category: f.categoryId, q: f.q })) if (v !== undefined) p.set(k, String(v));
      if (page > 1) p.set('page', String(page));
      return `/admin/items?${p}`;
    };
    const title = f.type ? TYPES[f.type]! : 'All items';
    return sendAdminPage(ctx, req, reply, { title, section: f.type ?? 'article' }, (csrf) => (
      <>
        <p class="actions">
          {editions.map((e) => <a class="button" href={`/admin/items/new?edition=${e.code}&type=${f.type ?? 'article'}`}>New {typeName(f.type ?? 'article')} · {e.name}</a>)}
        </p>
        <form method="get" action="/admin/items" class="filters" role="search" aria-label="Filter items">
          <Select name="edition" label="Edition" value={f.edition ?? ''} options={[{ value: '', label: 'All' }, ...editions.map((e) => ({ value: e.code, label: e.name }))]} />
          <Select name="type" label="Type" value={f.type ?? ''} options={[{ value: '', label: 'All' }, ...Object.entries(TYPES).map(([value, label]) => ({ value, label }))]} />
          <Select name="status" label="Status" value={f.status ?? ''} options={[{ value: '', label: 'All' }, ...ITEM_STATUSES.map((s) => ({ value: s, label: STATUS_NAMES[s]! }))]} />
          <Select name="author" label="Author" value={f.authorId ? String(f.authorId) : ''} options={[{ value: '', label: 'Anyone' }, ...people]} />
          {categories.length ? <Select name="category" label="Category" value={f.categoryId ? String(f.categoryId) : ''} options={[{ value: '', label: 'Any' }, ...categories]} /> : null}
          <div class="field"><label for="f-q">Title contains</label><input id="f-q" type="search" name="q" value={f.q ?? ''} /></div>
          <button type="submit">Filter</button>
        </form>
        <form method="post" action="/admin/items/bulk">
          <Csrf token={csrf} />
          <div class="actions">
            <label for="bulk-action">With the selected items:</label>
            <select id="bulk-action" name="action">
              {Object.entries(BULK).map(([value, label]) => <option value={value}>{label}</option>)}
            </select>
            <button type="submit">Apply</button>
          </div>
          <ItemTable rows={rows} editions={ctx.editions} selectable />
        </form>
        <ListPager page={f.page} hasMore={hasMore} href={href} />
      </>
    ));
  });

  app.post('/items/bulk', async (req, reply) => {
    const actor = actorOfRequest(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const action = one(body.action);
    if (!(action in BULK)) throw badRequest('Choose what to do with the selected items.');
    const chosen = ids(body.ids);
    if (!chosen.length) throw badRequest('Select at least one item.');
    if (action === 'delete') {
      if (one(body.confirm) !== 'yes') {
        const items = await Promise.all(chosen.map((id) => loadEditable(ctx.db, actor, id)));
        return sendAdminPage(ctx, req, reply, { title: `Delete ${items.length} item(s)?` }, (csrf) => (
          <form method="post" action="/admin/items/bulk">
            <Csrf token={csrf} />
            <input type="hidden" name="action" value="delete" />
            <input type="hidden" name="confirm" value="yes" />
            <ul>{items.map((i) => <li><input type="hidden" name="ids" value={String(i.id)} /><span dir="auto">{i.title}</span></li>)}</ul>
            <p>These items and their revisions will be deleted. This cannot be undone.</p>
            <div class="actions"><button type="submit" class="danger">Delete</button> <a href="/admin/items">Keep them</a></div>
          </form>
        ));
      }
      await deleteItems(ctx.db, actor, chosen);
    } else {
      await setStatusOf(ctx.db, { actor, now: ctx.clock.now(), editionCodes: ctx.editions.map((e) => e.code) }, chosen, action as 'draft');
      await ctx.publishDue();
    }
    return reply.redirect('/admin/items?notice=bulk', 303);
  });
}
